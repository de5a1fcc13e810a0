package io.switchboard.impl.delivery;

import io.switchboard.OverflowPolicy;
import io.switchboard.impl.config.SendQueueSettings;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session's send queue: bounded by messages and bytes, written one write at a time (a single message, or a
 * gathered write of several: the writer reports it once), in the order messages were offered. Containers may refuse
 * a second asynchronous send before the first completes (Tomcat throws); only a writer that knows its container's
 * batching (Undertow's) starts several sends for one gathered write.
 *
 * <p>Whoever offers the message that finds the queue idle must then call {@link #drain()}; from there each
 * completed send starts the next, on whichever thread the container completes it. A container that completes
 * a send before {@code sendText} returns is handled by a loop, not by recursion. An idle outbox holds no
 * arrays: they are allocated with the first message.
 *
 * <p>Where the session's writer can ({@link SessionWriter#gatherBytes()}, a container fast path) and the endpoint
 * allows it ({@code send-queue.gather-writes}), the messages waiting when a write starts go in one gathered write,
 * up to the writer's byte bound: one system call for several frames. A message that finds the queue idle is still
 * written alone, at once: nothing waits to be gathered. Bounds, order and each message's accounting are the same
 * either way: a gathered message counts against the bounds until the write completes, and is then delivered (or
 * failed) on its own.
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
    /** The most messages in one gathered write. */
    static final int MAX_GATHERED = 256;

    private final SessionWriter writer;
    private final SendQueueSettings limits;
    private final Owner owner;
    /** The most frame bytes in one gathered write; 0 writes each message alone. */
    private final int gatherBytes;
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
    // The write under way: one message (writing, writingFor), a gathered write's (writingAll...), or none.
    private Payload writing;
    private Delivery writingFor;
    private Payload[] writingAll;
    private Delivery[] writingAllFor;
    private long writingAllBytes;
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
        this.gatherBytes = limits.gatherWrites() ? Math.max(0, writer.gatherBytes()) : 0;
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
            int waiting = count + inFlight();
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
        int inFlight = inFlight();
        return inFlight == 0 || (inFlight < limits.capacity() && inFlightBytes() + payload.size() <= limits.maxBytes());
    }

    /** Whether a message fits now: always into an empty queue, else within both bounds. */
    private boolean fits(Payload payload) {
        int waiting = count + inFlight();
        return waiting == 0 || (waiting < limits.capacity() && bytes + payload.size() <= limits.maxBytes());
    }

    /**
     * Writes queued messages, one write at a time, until the queue is empty. Called by the thread whose
     * {@link #offer} returned {@code true}, and by the container's completion of each asynchronous write.
     */
    public void drain() {
        while (true) {
            Payload next = null;
            Payload[] gathered = null;
            synchronized (this) {
                if (discarded || count == 0) {
                    draining = false;
                    return;
                }
                int together = gatherable();
                if (together > 1) {
                    gathered = new Payload[together];
                    Delivery[] deliveriesOf = new Delivery[together];
                    long size = 0;
                    for (int i = 0; i < together; i++) {
                        gathered[i] = payloads[head];
                        deliveriesOf[i] = deliveries[head];
                        size += gathered[i].size();
                        takeHead();
                    }
                    writingAll = gathered;
                    writingAllFor = deliveriesOf;
                    writingAllBytes = size;
                } else {
                    next = payloads[head];
                    writing = next;
                    writingFor = deliveries[head];
                    takeHead();
                }
            }
            phase.set(PHASE_SENDING);
            writeStartedNanos = System.nanoTime();
            try {
                if (gathered == null) {
                    writer.write(next, this);
                } else {
                    writer.writeAll(gathered, this);
                }
            } catch (RuntimeException e) {
                onResult(new SendResult(e));
            }
            if (phase.compareAndSet(PHASE_SENDING, PHASE_RETURNED)) {
                return; // the container completes the write later, and onResult continues from there
            }
        }
    }

    /**
     * How many messages from the head the next write takes: more than one only when the writer gathers, and then
     * as many as fit its byte bound (and {@link #MAX_GATHERED}).
     */
    private int gatherable() {
        if (gatherBytes == 0 || count < 2) {
            return 1;
        }
        int together = 0;
        long frames = 0;
        while (together < count && together < MAX_GATHERED) {
            frames += payloads[(head + together) % payloads.length].frameLength();
            if (frames > gatherBytes) {
                break;
            }
            together++;
        }
        return together;
    }

    /** The container finished the write under way. */
    @Override
    public void onResult(SendResult result) {
        Delivery finished;
        Payload written;
        Delivery[] finishedAll;
        Payload[] writtenAll;
        List<Delivery> dropped = null;
        synchronized (this) {
            finished = writingFor;
            written = writing;
            finishedAll = writingAllFor;
            writtenAll = writingAll;
            if (finished == null && finishedAll == null) {
                return; // discarded meanwhile: already accounted for
            }
            bytes -= inFlightBytes();
            clearInFlight();
            if (!result.isOK()) {
                dropped = discardLocked();
            }
        }
        if (result.isOK()) {
            if (finished != null) {
                finished.delivered();
                owner.written(written);
            } else {
                for (int i = 0; i < finishedAll.length; i++) {
                    finishedAll[i].delivered();
                    owner.written(writtenAll[i]);
                }
            }
        } else {
            failed(finished, finishedAll);
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
        Delivery[] unfinishedAll;
        synchronized (this) {
            dropped = discardLocked();
            unfinished = writingFor;
            unfinishedAll = writingAllFor;
            clearInFlight();
        }
        dropped.forEach(Delivery::dropped);
        failed(unfinished, unfinishedAll);
    }

    /** The number of messages waiting, those being written included. */
    public synchronized int size() {
        return count + inFlight();
    }

    /** Messages being written: 0, 1, or those of a gathered write. Guarded by this. */
    private int inFlight() {
        return writing != null ? 1 : writingAll != null ? writingAll.length : 0;
    }

    /** Their bytes. Guarded by this. */
    private long inFlightBytes() {
        return writing != null ? writing.size() : writingAllBytes;
    }

    private void clearInFlight() {
        writing = null;
        writingFor = null;
        writingAll = null;
        writingAllFor = null;
        writingAllBytes = 0;
        writeStartedNanos = 0;
    }

    private static void failed(Delivery single, Delivery[] gathered) {
        if (single != null) {
            single.failed();
        }
        if (gathered != null) {
            for (Delivery delivery : gathered) {
                delivery.failed();
            }
        }
    }

    private List<Delivery> discardLocked() {
        discarded = true;
        List<Delivery> dropped = new ArrayList<>(count);
        while (count > 0) {
            dropped.add(removeHead());
        }
        return dropped;
    }

    /** Drops the oldest waiting message: it leaves the queue's bytes. */
    private Delivery removeHead() {
        Delivery delivery = deliveries[head];
        bytes -= payloads[head].size();
        takeHead();
        return delivery;
    }

    /** Moves the head on by one; the message's bytes still count until its write completes. */
    private void takeHead() {
        payloads[head] = null;
        deliveries[head] = null;
        head = (head + 1) % payloads.length;
        count--;
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
