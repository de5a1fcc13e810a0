package io.switchboard;

import java.lang.System.Logger.Level;

/**
 * Why a session ended. Every ending of a tracked session falls into exactly one category, and each
 * category fixes the close code Switchboard sends when it closes a session for that reason, the level at
 * which the ending is logged, and the tag under which it is counted.
 *
 * <p>Endings that Switchboard did not cause are categorised by the close code observed:
 * see {@link #ofCloseCode(int)}.
 */
public enum CloseCategory {
    /** 1000: the endpoint or the peer closed normally. */
    NORMAL(1000, Level.DEBUG),
    /** 1001: the peer went away (navigated off, closed the tab). */
    GOING_AWAY(1001, Level.DEBUG),
    /** 1002: the peer broke the WebSocket protocol. */
    PROTOCOL_ERROR(1002, Level.INFO),
    /** 1007: a message could not be read or decoded (also 1003, unsupported data, when received). */
    BAD_DATA(1007, Level.INFO),
    /** 1009: a message exceeded the size limit. */
    TOO_BIG(1009, Level.INFO),
    /** 1008: a generic policy violation. */
    POLICY_VIOLATION(1008, Level.INFO),
    /** 1008: the peer is not, or no longer, allowed on this endpoint. */
    UNAUTHORIZED(1008, Level.INFO),
    /** 1008: the peer's token expired while the session was open. */
    TOKEN_EXPIRED(1008, Level.INFO),
    /** 1008: the peer sent faster than its rate limit allows. */
    RATE_LIMITED(1008, Level.INFO),
    /** 1013: the peer did not read fast enough; its send queue overflowed or a send timed out. */
    SLOW_CONSUMER(1013, Level.INFO),
    /** 1013: the session got past the handshake over a connection limit; the peer may try again later. */
    CONNECTION_LIMIT(1013, Level.INFO),
    /** 1001: the peer did not answer a heartbeat ping in time. */
    HEARTBEAT_TIMEOUT(1001, Level.INFO),
    /** 1001: nothing arrived from the peer for longer than the idle timeout. */
    IDLE_TIMEOUT(1001, Level.DEBUG),
    /** 1011: the server failed (an exception in a callback or in the container). */
    SERVER_ERROR(1011, Level.WARNING),
    /**
     * 1012 (Service Restart): the application is being undeployed or the server is stopping; the reason says when to
     * come back (see {@link RestartAdvice}).
     */
    SHUTDOWN(1012, Level.DEBUG),
    /** 1006 (observed, never sent): the connection dropped without a close frame. */
    CONNECTION_LOST(1006, Level.DEBUG),
    /** Any other code, such as the application's own 4000–4999: closed on purpose by either side. Never sent. */
    APPLICATION(1000, Level.DEBUG);

    private final int closeCode;
    private final Level logLevel;
    private final String tag;

    CloseCategory(int closeCode, Level logLevel) {
        this.closeCode = closeCode;
        this.logLevel = logLevel;
        this.tag = name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The close code Switchboard sends when it ends a session for this reason. {@link #CONNECTION_LOST} (1006)
     * and {@link #APPLICATION} are only ever observed, never sent: their value here is nominal. The code a
     * {@link SessionClosed} event carries is always the one observed.
     */
    public int closeCode() {
        return closeCode;
    }

    /** The level at which an ending of this category is logged. */
    public Level logLevel() {
        return logLevel;
    }

    /** The lower-case name used as a metric tag and in logs, e.g. {@code heartbeat_timeout}. */
    public String tag() {
        return tag;
    }

    /**
     * The category of an ending that Switchboard did not cause, from the close code observed.
     *
     * @param code the close code received or reported by the container
     * @return the matching category; {@link #APPLICATION} for codes without a standard meaning
     */
    public static CloseCategory ofCloseCode(int code) {
        return switch (code) {
            case 1000 -> NORMAL;
            case 1001 -> GOING_AWAY;
            case 1002 -> PROTOCOL_ERROR;
            case 1003, 1007 -> BAD_DATA;
            case 1006 -> CONNECTION_LOST;
            case 1008 -> POLICY_VIOLATION;
            case 1009 -> TOO_BIG;
            case 1011 -> SERVER_ERROR;
            case 1012 -> SHUTDOWN;
            case 1013 -> SLOW_CONSUMER;
            default -> APPLICATION;
        };
    }
}
