package io.switchboard.impl.delivery;

import io.switchboard.OverflowPolicy;
import io.switchboard.impl.config.SendQueueSettings;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session's send queue: bounded by messages and bytes, written with one asynchronous send at a time (Undertow
 * and Tomcat throw when a second starts before the first completes), in the order messages were offered.
 *
 * <p>Whoever offers the message that finds the queue idle must then call {@link #drain()}; from there each
 * completed send starts the next, on whichever thread the container completes it. A container that completes
 * a send before {@code sendText} returns is handled by a loop, not by recursion. An idle outbox holds no
 * arrays: they are allocated with the first message.
 */
public final class Outbox implements SendHandler {

    /** What the outbox tells its session about. */
    public interface Owner {
        /** The queue overflowed under {@link OverflowPolicy#CLOSE}: every message waiting has been dropped. */
        void overflowed();

        /**
         * A message was dropped by {@link OverflowPolicy#DROP_OLDEST} or {@link OverflowPolicy#DROP_NEWEST}.
         *
         * @param policy the policy
         */
        void dropped(OverflowPolicy policy);

        /**
         * The container failed a write: the connection is broken. Every message waiting has been dropped.
         *
         * @param error what the container reported
         */
        void writeFailed(Throwable error);

        /**
         * A message was written.
         *
         * @param payload the message
         */
        void written(Payload payload);
    }

    private static final int PHASE_SENDING = 0;
    private static final int PHASE_COMPLETED_INLINE = 1;
    private static final int PHASE_RETURNED = 2;
    private static final int INITIAL_SLOTS = 8;

    private final SessionWriter writer;
    private final SendQueueSettings limits;
    private final Owner owner;
    /** Whether the send under way completed before the call that started it returned (see {@link #drain()}). */
    private final AtomicInteger phase = new AtomicInteger();

    // Guarded by this.
    private Payload[] payloads;
    private Delivery[] deliveries;
    private int head;
    private int count;
    private long bytes;
    private boolean draining;
    private boolean discarded;
    private Payload writing;
    private Delivery writingFor;
    /** When the write under way started, or 0: read by the sweeper without the lock. */
    private volatile long writeStartedNanos;

    /**
     * @param writer how messages are written to the session
     * @param limits the endpoint's bounds
     * @param owner  told of overflows and broken connections
     */
    public Outbox(SessionWriter writer, SendQueueSettings limits, Owner owner) {
        this.writer = writer;
        this.limits = limits;
        this.owner = owner;
    }

    /**
     * Queues a message, or applies the overflow policy when it does not fit. A message always fits an empty
     * queue, however large.
     *
     * @param payload  the message
     * @param delivery its accounting, which already counts this session as a recipient
     * @return whether the caller must now call {@link #drain()}: the queue was idle
     */
    public boolean offer(Payload payload, Delivery delivery) {
        List<Delivery> evicted = null;
        boolean accepted = false;
        boolean mustDrain = false;
        boolean wasDiscarded;
        synchronized (this) {
            wasDiscarded = discarded;
            if (!discarded && !fits(payload)) {
                switch (limits.overflow()) {
                    case DROP_NEWEST -> {}
                    case DROP_OLDEST -> {
                        // Only when evicting can make room: if the write under way leaves none, evicting everything
                        // waiting would lose it all and the new message too; the new one alone is dropped then.
                        if (fitsWithNothingWaiting(payload)) {
                            evicted = new ArrayList<>();
                            while (count > 0 && !fits(payload)) {
                                evicted.add(removeHead());
                            }
                        }
                    }
                    case CLOSE -> evicted = discardLocked();
                }
            }
            if (!discarded && fits(payload)) {
                append(payload, delivery);
                accepted = true;
                mustDrain = !draining;
                draining = true;
            }
        }
        if (accepted) {
            delivery.queued();
        } else {
            delivery.dropped();
        }
        if (evicted != null) {
            evicted.forEach(Delivery::dropped);
        }
        if (wasDiscarded) {
            return false;
        }
        if (limits.overflow() == OverflowPolicy.CLOSE) {
            if (evicted != null) {
                owner.overflowed();
            }
        } else if (!accepted || evicted != null) {
            int drops = (accepted ? 0 : 1) + (evicted == null ? 0 : evicted.size());
            for (int i = 0; i < drops; i++) {
                owner.dropped(limits.overflow());
            }
        }
        return mustDrain;
    }

    /**
     * Queues messages a session missed, all or none: they go in only if all of them fit within both bounds (the
     * overflow policy is not applied, so nothing queued before is lost for them). Each gets its own accounting.
     *
     * @param missed the messages, oldest first
     * @return {@code null} if they do not all fit; else whether the caller must now call {@link #drain()}
     */
    public Boolean offerAll(List<Payload> missed) {
        if (missed.isEmpty()) {
            return false;
        }
        boolean mustDrain;
        synchronized (this) {
            long size = 0;
            for (Payload payload : missed) {
                size += payload.size();
            }
            int waiting = count + (writing == null ? 0 : 1);
            if (discarded || waiting + missed.size() > limits.capacity() || bytes + size > limits.maxBytes()) {
                return null;
            }
            for (Payload payload : missed) {
                Delivery delivery = new Delivery();
                delivery.addRecipient();
                delivery.queued();
                append(payload, delivery);
            }
            mustDrain = !draining;
            draining = true;
        }
        return mustDrain;
    }

    /** Whether a message would fit if every waiting message were gone (only a write under way left). */
    private boolean fitsWithNothingWaiting(Payload payload) {
        return writing == null || (1 < limits.capacity() && writing.size() + payload.size() <= limits.maxBytes());
    }

    /** Whether a message fits now: always into an empty queue, else within both bounds. */
    private boolean fits(Payload payload) {
        int waiting = count + (writing == null ? 0 : 1);
        return waiting == 0 || (waiting < limits.capacity() && bytes + payload.size() <= limits.maxBytes());
    }

    /**
     * Writes queued messages one at a time until the queue is empty. Called by the thread whose
     * {@link #offer} returned {@code true}, and by the container's completion of each asynchronous write.
     */
    public void drain() {
        while (true) {
            Payload next;
            synchronized (this) {
                if (discarded || count == 0) {
                    draining = false;
                    return;
                }
                int slot = head;
                next = payloads[slot];
                writing = next;
                writingFor = deliveries[slot];
                payloads[slot] = null;
                deliveries[slot] = null;
                head = (head + 1) % payloads.length;
                count--;
            }
            phase.set(PHASE_SENDING);
            writeStartedNanos = System.nanoTime();
            try {
                writer.write(next, this);
            } catch (RuntimeException e) {
                onResult(new SendResult(e));
            }
            if (phase.compareAndSet(PHASE_SENDING, PHASE_RETURNED)) {
                return; // the container completes the write later, and onResult continues from there
            }
        }
    }

    /** The container finished the write under way. */
    @Override
    public void onResult(SendResult result) {
        Delivery finished;
        Payload written;
        List<Delivery> dropped = null;
        synchronized (this) {
            finished = writingFor;
            written = writing;
            if (finished == null) {
                return; // discarded meanwhile: already accounted for
            }
            bytes -= writing.size();
            writing = null;
            writingFor = null;
            writeStartedNanos = 0;
            if (!result.isOK()) {
                dropped = discardLocked();
            }
        }
        if (result.isOK()) {
            finished.delivered();
            owner.written(written);
        } else {
            finished.failed();
            dropped.forEach(Delivery::dropped);
            owner.writeFailed(result.getException());
        }
        if (!phase.compareAndSet(PHASE_SENDING, PHASE_COMPLETED_INLINE)) {
            drain();
        }
    }

    /**
     * How long the write under way has taken.
     *
     * @param now {@link System#nanoTime()}
     * @return nanoseconds, or 0 when nothing is being written
     */
    public long writingFor(long now) {
        long started = writeStartedNanos;
        return started == 0 ? 0 : now - started;
    }

    /**
     * Drops everything waiting and refuses what comes later: the session is ending. The write under way, if
     * any, counts as failed (its completion may never come from a connection that is gone).
     */
    public void discard() {
        List<Delivery> dropped;
        Delivery unfinished;
        synchronized (this) {
            dropped = discardLocked();
            unfinished = writingFor;
            writingFor = null;
            writing = null;
            writeStartedNanos = 0;
        }
        dropped.forEach(Delivery::dropped);
        if (unfinished != null) {
            unfinished.failed();
        }
    }

    /** The number of messages waiting, the one being written included. */
    public synchronized int size() {
        return count + (writing == null ? 0 : 1);
    }

    private List<Delivery> discardLocked() {
        discarded = true;
        List<Delivery> dropped = new ArrayList<>(count);
        while (count > 0) {
            dropped.add(removeHead());
        }
        return dropped;
    }

    private Delivery removeHead() {
        int slot = head;
        Delivery delivery = deliveries[slot];
        bytes -= payloads[slot].size();
        payloads[slot] = null;
        deliveries[slot] = null;
        head = (head + 1) % payloads.length;
        count--;
        return delivery;
    }

    private void append(Payload payload, Delivery delivery) {
        if (payloads == null) {
            payloads = new Payload[Math.min(INITIAL_SLOTS, limits.capacity())];
            deliveries = new Delivery[payloads.length];
        } else if (count == payloads.length) {
            grow();
        }
        int slot = (head + count) % payloads.length;
        payloads[slot] = payload;
        deliveries[slot] = delivery;
        count++;
        bytes += payload.size();
    }

    private void grow() {
        int length = payloads.length;
        Payload[] morePayloads = new Payload[Math.min(length * 2, Math.max(limits.capacity(), length + 1))];
        Delivery[] moreDeliveries = new Delivery[morePayloads.length];
        for (int i = 0; i < count; i++) {
            morePayloads[i] = payloads[(head + i) % length];
            moreDeliveries[i] = deliveries[(head + i) % length];
        }
        payloads = morePayloads;
        deliveries = moreDeliveries;
        head = 0;
    }
}
