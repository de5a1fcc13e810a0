package io.switchboard.impl.tracing;

/**
 * The names of Switchboard's spans and of their attributes, as the README's span table lists them. Plain strings,
 * so that code without OpenTelemetry's API (and the docs tests, which tell these from configuration keys) can read
 * them.
 */
final class SpanNames {

    /** The broadcast span. */
    static final String BROADCAST = "switchboard.broadcast";

    static final String ENDPOINT_ID = "switchboard.endpoint.id";
    static final String HANDSHAKE_OUTCOME = "switchboard.handshake.outcome";
    static final String HANDSHAKE_REFUSAL = "switchboard.handshake.refusal";
    static final String SESSION_ID = "switchboard.session.id";
    static final String MESSAGE_TYPE = "switchboard.message.type";
    static final String RECIPIENTS = "switchboard.broadcast.recipients";
    static final String QUEUED = "switchboard.broadcast.queued";
    static final String DELIVERED = "switchboard.broadcast.delivered";
    static final String DROPPED = "switchboard.broadcast.dropped";
    static final String FAILED = "switchboard.broadcast.failed";

    private SpanNames() {}
}
