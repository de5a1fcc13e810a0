package io.switchboard.impl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.DeliveryReport;
import io.switchboard.OverflowPolicy;
import io.switchboard.impl.config.SendQueueSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An outbox under random offers and random completions, each policy checked against a model of what it promises:
 * never more than its capacity or its bytes waiting (a message larger than the byte bound only alone), messages
 * written one at a time in the order offered, and exactly the expected ones dropped. DROP_NEWEST drops the message
 * that does not fit; DROP_OLDEST drops the oldest not being written until the new one fits, or, if the write under
 * way leaves no room whatever it drops, the new one alone; CLOSE drops everything waiting and then everything offered. Each message's
 * report says what became of it. Each policy runs twice: with a writer that writes one message at a time, and with
 * one that gathers what waits into one write (a fast path's), which must keep the same promises.
 */
class OutboxKeepsItsBoundsAndOrderTest {

    private static final int RUNS = 100;
    private static final int STEPS = 200;

    @Test
    void dropNewest() {
        check(OverflowPolicy.DROP_NEWEST, false);
    }

    @Test
    void dropOldest() {
        check(OverflowPolicy.DROP_OLDEST, false);
    }

    @Test
    void dropNewestGathered() {
        check(OverflowPolicy.DROP_NEWEST, true);
    }

    @Test
    void dropOldestGathered() {
        check(OverflowPolicy.DROP_OLDEST, true);
    }

    @Test
    void closeGathered() {
        check(OverflowPolicy.CLOSE, true);
    }

    @Test
    void dropOldestKeepsWhatWaitsWhenOnlyTheWriteUnderWayLeavesNoRoom() {
        ControlledWriter writer = new ControlledWriter();
        Outbox outbox = new Outbox(
                writer,
                new SendQueueSettings(4, 100, OverflowPolicy.DROP_OLDEST, Duration.ofSeconds(10)),
                new RecordingOwner());
        offer(outbox, 80); // being written
        CompletableFuture<DeliveryReport> first = offer(outbox, 10);
        CompletableFuture<DeliveryReport> second = offer(outbox, 10);
        // 80 + 50 is over the bound whatever waits: dropping the two small ones would not make room.
        CompletableFuture<DeliveryReport> large = offer(outbox, 50);
        assertThat(large).isCompletedWithValueMatching(report -> report.dropped() == 1);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        // Where evicting does make room, the oldest waiting go first.
        CompletableFuture<DeliveryReport> fitting = offer(outbox, 10);
        assertThat(first).isCompletedWithValueMatching(report -> report.dropped() == 1);
        assertThat(second).isNotDone();
        assertThat(outbox.size()).isEqualTo(3);
        assertThat(fitting).isNotDone();
    }

    private static CompletableFuture<DeliveryReport> offer(Outbox outbox, int size) {
        Delivery delivery = new Delivery();
        delivery.addRecipient();
        CompletableFuture<DeliveryReport> report = delivery.sealed().toCompletableFuture();
        if (outbox.offer(Payload.text("x".repeat(size)), delivery)) {
            outbox.drain();
        }
        return report;
    }

    @Test
    void close() {
        check(OverflowPolicy.CLOSE, false);
    }

    private static void check(OverflowPolicy policy, boolean gather) {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long gatheredWrites = 0;
        for (int run = 0; run < RUNS; run++) {
            SendQueueSettings settings = new SendQueueSettings(
                    1 + random.nextInt(8), 16 + random.nextInt(500), policy, Duration.ofSeconds(10));
            int gatherBytes = gather ? 8 + random.nextInt(600) : 0;
            Run checked = new Run(
                    settings,
                    gatherBytes,
                    random,
                    "seed " + seed + ", run " + run + ", " + settings + ", gather " + gatherBytes);
            checked.go();
            gatheredWrites +=
                    checked.writer.writes.stream().filter(w -> w.size() > 1).count();
        }
        // The gathered runs did gather: the promises above were kept by writes of several messages too.
        assertThat(gatheredWrites > 0).as("gathered writes, seed %d", seed).isEqualTo(gather);
    }

    /** What should become of a message. */
    private enum Fate {
        DELIVERED,
        DROPPED,
        FAILED
    }

    private static final class Run {
        final SendQueueSettings settings;
        final Random random;
        final String context;
        final ControlledWriter writer;
        final int gatherBytes;
        final RecordingOwner owner = new RecordingOwner();
        final Outbox outbox;
        final Map<Payload, Integer> ids = new IdentityHashMap<>();
        final List<Payload> offered = new ArrayList<>();
        final List<CompletableFuture<DeliveryReport>> reports = new ArrayList<>();
        final List<Fate> expected = new ArrayList<>();
        // The model
        final Deque<Integer> waiting = new ArrayDeque<>();
        /** The messages of the write under way: none, one, or those of a gathered write. */
        final List<Integer> inFlight = new ArrayList<>();

        long bytes;
        boolean discarded;
        int expectedDropCalls;
        int expectedOverflows;
        boolean inline;

        Run(SendQueueSettings settings, int gatherBytes, Random random, String context) {
            this.settings = settings;
            this.gatherBytes = gatherBytes;
            this.writer = new ControlledWriter(gatherBytes);
            this.random = random;
            this.context = context;
            this.outbox = new Outbox(writer, settings, owner);
        }

        void go() {
            for (int step = 0; step < STEPS; step++) {
                int dice = random.nextInt(100);
                if (dice < 3) {
                    inline = !inline;
                    writer.completeInline(inline);
                } else if (dice < 55 || !writer.writing()) {
                    offer(step);
                } else if (dice < 98) {
                    writer.complete();
                    completed(Fate.DELIVERED);
                } else {
                    writer.fail();
                    completed(Fate.FAILED);
                }
                assertBounds(step);
            }
            outbox.discard();
            waiting.forEach(id -> expected.set(id, Fate.DROPPED));
            inFlight.forEach(id -> expected.set(id, Fate.FAILED));
            assertOutcome();
        }

        void offer(int step) {
            long size = random.nextInt(10) == 0
                    ? settings.maxBytes() + random.nextInt(50)
                    : 1 + random.nextInt((int) Math.max(1, settings.maxBytes() / 3));
            Payload payload = Payload.text("x".repeat((int) size));
            int id = offered.size();
            ids.put(payload, id);
            offered.add(payload);
            expected.add(null);
            Delivery delivery = new Delivery();
            delivery.addRecipient();
            reports.add(delivery.sealed().toCompletableFuture());
            modelOffer(id, size);
            if (outbox.offer(payload, delivery)) {
                outbox.drain();
            }
        }

        void modelOffer(int id, long size) {
            if (discarded) {
                expected.set(id, Fate.DROPPED);
                return;
            }
            if (!fits(size)) {
                switch (settings.overflow()) {
                    case DROP_NEWEST -> {}
                    case DROP_OLDEST -> {
                        long writingBytes = inFlight.stream()
                                .mapToLong(writing -> offered.get(writing).size())
                                .sum();
                        boolean roomAfterEviction = inFlight.isEmpty()
                                || (settings.capacity() > inFlight.size()
                                        && writingBytes + size <= settings.maxBytes());
                        while (roomAfterEviction && !waiting.isEmpty() && !fits(size)) {
                            int evicted = waiting.removeFirst();
                            bytes -= offered.get(evicted).size();
                            expected.set(evicted, Fate.DROPPED);
                            expectedDropCalls++;
                        }
                    }
                    case CLOSE -> {
                        waiting.forEach(evicted -> expected.set(evicted, Fate.DROPPED));
                        waiting.clear();
                        discarded = true;
                        expectedOverflows++;
                    }
                }
            }
            if (!discarded && fits(size)) {
                waiting.addLast(id);
                bytes += size;
                pump();
            } else {
                expected.set(id, Fate.DROPPED);
                if (settings.overflow() != OverflowPolicy.CLOSE) {
                    expectedDropCalls++;
                }
            }
        }

        boolean fits(long size) {
            int count = waiting.size() + inFlight.size();
            return count == 0 || (count < settings.capacity() && bytes + size <= settings.maxBytes());
        }

        /**
         * Starts the next write: the oldest message alone, or, with a gathering writer and several waiting, as many
         * of the oldest as their frames fit its bound. A writer completing inline writes everything waiting.
         */
        void pump() {
            while (inFlight.isEmpty() && !waiting.isEmpty() && !discarded) {
                int together = 0;
                if (gatherBytes > 0 && waiting.size() > 1) {
                    long frames = 0;
                    for (int id : waiting) {
                        frames += offered.get(id).frameLength();
                        if (frames > gatherBytes || together == Outbox.MAX_GATHERED) {
                            break;
                        }
                        together++;
                    }
                }
                for (int i = 0; i < Math.max(1, together); i++) {
                    inFlight.add(waiting.removeFirst());
                }
                if (inline) {
                    finish(Fate.DELIVERED);
                }
            }
        }

        void completed(Fate fate) {
            finish(fate);
            if (fate == Fate.FAILED) {
                waiting.forEach(id -> expected.set(id, Fate.DROPPED));
                waiting.clear();
                bytes = 0;
                discarded = true;
            }
            pump();
        }

        private void finish(Fate fate) {
            for (int id : inFlight) {
                expected.set(id, fate);
                bytes -= offered.get(id).size();
            }
            inFlight.clear();
        }

        void assertBounds(int step) {
            // Plain checks: this runs at every step.
            int count = waiting.size() + inFlight.size();
            if (outbox.size() != count || count > settings.capacity()) {
                throw new AssertionError("at step " + step + ", " + outbox.size() + " messages waiting, the model "
                        + count + ", capacity " + settings.capacity() + "; " + context);
            }
            if (count > 1 && bytes > settings.maxBytes()) {
                throw new AssertionError("at step " + step + ", " + bytes + " bytes waiting; " + context);
            }
        }

        void assertOutcome() {
            // Written one at a time (the writer throws otherwise), in the order offered.
            List<Integer> written = owner.written.stream().map(ids::get).toList();
            assertThat(written).as("written in order; %s", context).isSorted().doesNotHaveDuplicates();
            List<Integer> started = writer.started.stream().map(ids::get).toList();
            assertThat(started).as("started in order; %s", context).isSorted().doesNotHaveDuplicates();
            if (gatherBytes == 0) {
                assertThat(writer.writes)
                        .as("one message per write; %s", context)
                        .allMatch(w -> w.size() == 1);
            }
            java.util.Set<Integer> writtenIds = new java.util.HashSet<>(written);
            for (int id = 0; id < offered.size(); id++) {
                // Plain checks: this runs for every message.
                DeliveryReport report = reports.get(id).getNow(null);
                if (report == null) {
                    throw new AssertionError("the report of message " + id + " never completed; " + context);
                }
                if (report.recipients() != 1
                        || report.delivered() + report.dropped() + report.failed() != report.recipients()) {
                    throw new AssertionError(
                            "the counts of message " + id + " do not add up: " + report + "; " + context);
                }
                Fate actual =
                        report.delivered() == 1 ? Fate.DELIVERED : report.dropped() == 1 ? Fate.DROPPED : Fate.FAILED;
                if (actual != expected.get(id) || writtenIds.contains(id) != (actual == Fate.DELIVERED)) {
                    throw new AssertionError("message " + id + " was " + actual + ", expected " + expected.get(id)
                            + ", written " + writtenIds.contains(id) + "; " + context);
                }
            }
            assertThat(owner.dropped).as("drops reported; %s", context).isEqualTo(expectedDropCalls);
            assertThat(owner.overflowed).as("overflows reported; %s", context).isEqualTo(expectedOverflows);
        }
    }
}
