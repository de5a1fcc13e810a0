package io.switchboard.impl.metrics;

/** The metric names, dotted as both MicroProfile Metrics and Micrometer write them. */
final class Names {

    static final String SESSIONS_ACTIVE = "switchboard.sessions.active";
    static final String SESSIONS_OPENED = "switchboard.sessions.opened";
    static final String SESSIONS_CLOSED = "switchboard.sessions.closed";
    static final String SESSION_DURATION = "switchboard.session.duration";
    static final String MESSAGES_RECEIVED = "switchboard.messages.received";
    static final String MESSAGES_SENT = "switchboard.messages.sent";
    static final String RECEIVED_BYTES = "switchboard.received.bytes";
    static final String SENT_BYTES = "switchboard.sent.bytes";
    static final String ERRORS = "switchboard.errors";
    static final String HEARTBEAT_ROUND_TRIP = "switchboard.heartbeat.round.trip";
    static final String MESSAGES_DROPPED = "switchboard.messages.dropped";
    static final String MESSAGES_RATE_LIMITED = "switchboard.messages.rate.limited";
    static final String HANDSHAKES_REJECTED = "switchboard.handshakes.rejected";
    static final String ROOMS_ACTIVE = "switchboard.rooms.active";
    static final String BROADCAST_RECIPIENTS = "switchboard.broadcast.recipients";
    static final String SENDS_ROLLED_BACK = "switchboard.sends.rolled.back";
    static final String RESUMES = "switchboard.resumes";
    static final String MESSAGES_REPLAYED = "switchboard.messages.replayed";
    static final String BACKPLANE_PUBLISHED = "switchboard.backplane.published";
    static final String BACKPLANE_RECEIVED = "switchboard.backplane.received";
    static final String BACKPLANE_DROPPED = "switchboard.backplane.dropped";
    static final String BACKPLANE_OUTAGES = "switchboard.backplane.outages";
    static final String BACKPLANE_CONNECTED = "switchboard.backplane.connected";

    private Names() {}
}
