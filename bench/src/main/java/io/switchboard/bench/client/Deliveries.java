package io.switchboard.bench.client;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What all subscribers of one set have received in the current round: how many messages, when the last one
 * expected arrived, and, when asked, each message's latency (receive {@code nanoTime} minus the publisher's
 * {@code nanoTime} in the message, in microseconds), and apart the latency of each message's first delivery among
 * these connections. Messages of other rounds are counted apart as stale.
 */
public final class Deliveries implements TextListener {

    private final AtomicLong received = new AtomicLong();
    private final LongAdder stale = new LongAdder();
    private final LongAdder closedByServer = new LongAdder();
    private final Recorder latencies = new Recorder(3);
    private final Recorder firstLatencies = new Recorder(3);
    /** The publisher's {@code nanoTime} of the newest message seen this round. */
    private final AtomicLong newestSent = new AtomicLong(Long.MIN_VALUE);

    private volatile int round = -1;
    private volatile long target;
    private volatile boolean timing;
    private volatile long lastArrival;
    private volatile CompletableFuture<Long> complete = new CompletableFuture<>();

    /**
     * Starts a round: counts from zero, expects {@code target} messages.
     *
     * @param round  the round's number, as in the payloads
     * @param target how many messages complete it
     * @param timing whether to record latencies
     * @return completes with the {@code nanoTime} of the last expected arrival
     */
    public CompletableFuture<Long> begin(int round, long target, boolean timing) {
        this.round = -1;
        this.complete = new CompletableFuture<>();
        this.target = target;
        this.timing = timing;
        this.received.set(0);
        latencies.reset();
        firstLatencies.reset();
        newestSent.set(Long.MIN_VALUE);
        this.round = round;
        return complete;
    }

    /**
     * Sets how many messages complete the current round, once known (after a fixed-rate round's last send).
     *
     * @param target the number of messages
     */
    public void expect(long target) {
        this.target = target;
        if (received.get() >= target) {
            complete.complete(lastArrival);
        }
    }

    /** Messages of the current round so far. */
    public long received() {
        return received.get();
    }

    /** {@code nanoTime} of the latest arrival of the current round. */
    public long lastArrival() {
        return lastArrival;
    }

    /**
     * The latencies of each message's first delivery to any of these connections since the round began, in
     * microseconds: how soon a message reached this set at all, without the time the rest of the set waited
     * behind it (in the server's fan-out, or in this load generator's event loop).
     */
    public Histogram firstLatencies() {
        return firstLatencies.getIntervalHistogram();
    }

    /** Messages that arrived for an earlier round. */
    public long stale() {
        return stale.sum();
    }

    /** Connections of this set that the server closed (or that dropped). */
    public long closedByServer() {
        return closedByServer.sum();
    }

    /** The latencies recorded since the round began, in microseconds. */
    public Histogram latencies() {
        return latencies.getIntervalHistogram();
    }

    @Override
    public void onText(ByteBuf content) {
        long now = System.nanoTime();
        int start = content.readerIndex();
        if (Payload.number(content, start) != round) {
            stale.increment();
            return;
        }
        if (timing) {
            long sent = Payload.number(content, Payload.afterComma(content, start));
            long micros = Math.max(1, (now - sent) / 1000);
            latencies.recordValue(micros);
            // Each connection receives one publisher's messages in order, so a message's first arrival anywhere is
            // the first time a newer publisher stamp than any seen shows up.
            if (sent > newestSent.get() && newestSent.getAndAccumulate(sent, Math::max) < sent) {
                firstLatencies.recordValue(micros);
            }
        }
        lastArrival = now;
        if (received.incrementAndGet() == target) {
            complete.complete(now);
        }
    }

    @Override
    public void onClosed(int code) {
        closedByServer.increment();
    }
}
