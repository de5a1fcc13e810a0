package io.switchboard;

/** Where a tracked session is in its life. */
public enum SessionState {
    /** Open: messages flow both ways. */
    OPEN,
    /** Closing: a close was started; the session leaves the registry when the container confirms it. */
    CLOSING,
    /** Closed: no longer in {@link OpenSessions}; seen only in a {@link SessionClosed} event. */
    CLOSED
}
