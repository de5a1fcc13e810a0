package io.switchboard.impl.metrics;

import io.switchboard.CloseCategory;
import io.switchboard.RoomRecovery;
import io.switchboard.spi.MetricsBackend;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The instruments of one endpoint, created on first use and kept: recording is an array read and an add. Every
 * instrument carries the {@code endpoint} tag; closes and errors add {@code category}, messages {@code type},
 * refused handshakes {@code reason}.
 */
public final class EndpointMeters {

    private final MetricsBackend backend;
    private final String endpoint;
    private final boolean on;
    private final AtomicLong active = new AtomicLong();
    private final MetricsBackend.Counter opened;
    private final MetricsBackend.Distribution duration;
    private final MetricsBackend.Counter receivedBytes;
    private final MetricsBackend.Counter sentBytes;
    private final MetricsBackend.Distribution roundTrip;
    private final MetricsBackend.Counter dropped;
    private final MetricsBackend.Counter rateLimited;
    private final AtomicReferenceArray<MetricsBackend.Counter> closed =
            new AtomicReferenceArray<>(CloseCategory.values().length);
    private final AtomicReferenceArray<MetricsBackend.Counter> errors =
            new AtomicReferenceArray<>(CloseCategory.values().length);
    /** By {@link MessageKind} ordinal; made up front: these are recorded per message. */
    private final MetricsBackend.Counter[] received = new MetricsBackend.Counter[MessageKind.values().length];

    private final MetricsBackend.Counter[] sent = new MetricsBackend.Counter[MessageKind.values().length];
    private final AtomicReferenceArray<MetricsBackend.Counter> rejected =
            new AtomicReferenceArray<>(Rejection.values().length);
    private final AtomicReferenceArray<MetricsBackend.Counter> resumes =
            new AtomicReferenceArray<>(RoomRecovery.Outcome.values().length);
    private final MetricsBackend.Counter replayed;

    EndpointMeters(MetricsBackend backend, String endpoint, boolean on) {
        this.backend = backend;
        this.endpoint = endpoint;
        this.on = on;
        Map<String, String> tags = Map.of("endpoint", endpoint);
        backend.gauge(Names.SESSIONS_ACTIVE, "Sessions open now", tags, active::get);
        opened = backend.counter(Names.SESSIONS_OPENED, "Sessions opened", null, tags);
        duration = backend.timer(Names.SESSION_DURATION, "How long sessions lasted", tags);
        receivedBytes =
                backend.counter(Names.RECEIVED_BYTES, "Bytes of text (UTF-8) and binary messages received", null, tags);
        sentBytes = backend.counter(Names.SENT_BYTES, "Bytes of text (UTF-8) and binary messages sent", null, tags);
        roundTrip = backend.timer(Names.HEARTBEAT_ROUND_TRIP, "Heartbeat ping to pong", tags);
        dropped = backend.counter(Names.MESSAGES_DROPPED, "Messages dropped by full send queues", null, tags);
        rateLimited = backend.counter(Names.MESSAGES_RATE_LIMITED, "Messages over a rate limit", null, tags);
        replayed = backend.counter(Names.MESSAGES_REPLAYED, "Broadcasts replayed to resuming sessions", null, tags);
        // Pings from clients are answered by the container unseen, and pongs are never sent: no such series.
        for (MessageKind kind : new MessageKind[] {MessageKind.TEXT, MessageKind.BINARY, MessageKind.PONG}) {
            received[kind.ordinal()] = backend.counter(
                    Names.MESSAGES_RECEIVED, "Messages received", null, Map.of("endpoint", endpoint, "type", kind.tag));
        }
        for (MessageKind kind : new MessageKind[] {MessageKind.TEXT, MessageKind.BINARY, MessageKind.PING}) {
            sent[kind.ordinal()] = backend.counter(
                    Names.MESSAGES_SENT, "Messages sent", null, Map.of("endpoint", endpoint, "type", kind.tag));
        }
    }

    /** Whether anything records: without a backend the callers skip work done only for metrics. */
    public boolean on() {
        return on;
    }

    /** A session opened. */
    public void opened() {
        active.incrementAndGet();
        opened.add(1);
    }

    /**
     * A session ended.
     *
     * @param category      why
     * @param durationNanos how long it lasted
     */
    public void closed(CloseCategory category, long durationNanos) {
        active.decrementAndGet();
        tagged(closed, category.ordinal(), Names.SESSIONS_CLOSED, "Sessions closed", "category", category.tag())
                .add(1);
        duration.record(durationNanos);
    }

    /**
     * A message, or one part of a partial message, arrived.
     *
     * @param kind  its type
     * @param bytes its size, or a negative value where it is not known (streams)
     * @param last  whether it ends its message (only whole messages are counted)
     */
    public void received(MessageKind kind, long bytes, boolean last) {
        if (last) {
            received[kind.ordinal()].add(1);
        }
        if (bytes > 0) {
            receivedBytes.add(bytes);
        }
    }

    /**
     * A message went out.
     *
     * @param kind  its type
     * @param bytes its size
     */
    public void sent(MessageKind kind, long bytes) {
        sent[kind.ordinal()].add(1);
        if (bytes > 0) {
            sentBytes.add(bytes);
        }
    }

    /**
     * An error in a session.
     *
     * @param category its category
     */
    public void error(CloseCategory category) {
        tagged(errors, category.ordinal(), Names.ERRORS, "Errors in sessions", "category", category.tag())
                .add(1);
    }

    /**
     * A heartbeat's round trip.
     *
     * @param nanos ping to pong
     */
    public void roundTrip(long nanos) {
        roundTrip.record(nanos);
    }

    /** A send queue dropped a message. */
    public void dropped() {
        dropped.add(1);
    }

    /** A message was over a rate limit (dropped, or its session closed). */
    public void rateLimited() {
        rateLimited.add(1);
    }

    /**
     * A handshake was refused.
     *
     * @param reason why
     */
    public void rejected(Rejection reason) {
        tagged(rejected, reason.ordinal(), Names.HANDSHAKES_REJECTED, "Handshakes refused", "reason", reason.tag)
                .add(1);
    }

    /**
     * A session joined a room naming a position to resume from.
     *
     * @param recovery what became of it
     */
    public void resumed(RoomRecovery recovery) {
        RoomRecovery.Outcome outcome = recovery.outcome();
        String tag = outcome.name().toLowerCase(java.util.Locale.ROOT);
        tagged(resumes, outcome.ordinal(), Names.RESUMES, "Resumes from a room position", "outcome", tag)
                .add(1);
        replayed.add(recovery.replayed());
    }

    private MetricsBackend.Counter tagged(
            AtomicReferenceArray<MetricsBackend.Counter> slots,
            int slot,
            String name,
            String description,
            String tag,
            String value) {
        MetricsBackend.Counter counter = slots.get(slot);
        if (counter == null) {
            // Two threads may both create it: a registry returns the same instrument for the same name and tags.
            counter = backend.counter(name, description, null, Map.of("endpoint", endpoint, tag, value));
            slots.set(slot, counter);
        }
        return counter;
    }
}
