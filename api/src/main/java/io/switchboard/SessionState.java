package io.switchboard;

/** Where a tracked session is in its life. */
public enum SessionState {
    /** Open: messages flow both ways. */
    OPEN,
    /**
     * Closing: Switchboard started a close; the session leaves the registry when the container confirms it, or
     * after a grace period of a few seconds if the container never does.
     */
    CLOSING,
    /** Closed: no longer in {@link OpenSessions}; seen only in a {@link SessionClosed} event. */
    CLOSED
}
