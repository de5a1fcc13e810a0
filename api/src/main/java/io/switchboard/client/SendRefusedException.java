package io.switchboard.client;

/**
 * Why a message given to a {@link ReconnectingSocket} will not be sent: the buffer is full, the client is not
 * connected under {@link BufferPolicy#FAIL_FAST}, the message is larger than {@code max-message-size}, or the client is
 * closed. The futures that {@link ReconnectingSocket#sendText} and {@link ReconnectingSocket#sendBinary} return fail
 * with it; nothing else was sent in its place.
 */
public class SendRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, in a word, for metrics and for code that reacts. */
    public enum Reason {
        /** The outbound buffer held its maximum number of messages or bytes. */
        BUFFER_FULL,
        /** The client was not connected and its policy is {@link BufferPolicy#FAIL_FAST}. */
        NOT_CONNECTED,
        /** The message was larger than the client's {@code max-message-size}. */
        TOO_BIG,
        /** The client was closed, or gave up, before the message was written. */
        CLOSED
    }

    private final Reason reason;

    /**
     * A refusal.
     *
     * @param reason  why
     * @param message what happened, naming the client
     */
    public SendRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the message was refused. */
    public Reason reason() {
        return reason;
    }
}
