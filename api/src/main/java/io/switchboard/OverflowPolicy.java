package io.switchboard;

/**
 * What a session's send queue does when a new message would exceed its bounds ({@link SendQueue}).
 */
public enum OverflowPolicy {
    /** Discard the oldest messages not yet being written until the new one fits. Suits live data where only
     * the latest values matter (prices, positions, dashboards). */
    DROP_OLDEST,
    /** Discard the new message. Suits streams where what was promised first matters most. */
    DROP_NEWEST,
    /** Close the session with 1013 ({@link CloseCategory#SLOW_CONSUMER}): the client reconnects and catches up.
     * Nothing is lost silently. The default. */
    CLOSE
}
