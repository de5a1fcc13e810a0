package io.switchboard.client;

/** Where a {@link ReconnectingSocket} stands. */
public enum ClientState {
    /** Created with {@code connect=lazy} and not yet asked to connect. */
    IDLE,
    /** A handshake is under way. */
    CONNECTING,
    /** Connected: messages flow both ways. */
    OPEN,
    /** Disconnected, waiting for the next attempt; messages sent meanwhile are buffered within the bound. */
    BACKING_OFF,
    /**
     * The server refused the token (HTTP 401 or 403, or a close with 1008): the client asks its
     * {@link TokenSupplier} again, and tries again only once it returns another token.
     */
    WAITING_FOR_TOKEN,
    /**
     * Closed for good by the client's rules: the attempts ran out, or the server refused in a way that a retry cannot
     * mend (1003, or 1008 and HTTP 401/403 without a token supplier). {@link ReconnectingSocket#connect()} starts
     * again.
     */
    GAVE_UP,
    /** Closed by {@link ReconnectingSocket#close()} or at undeploy; nothing is left running. */
    CLOSED;

    /** Whether this state is {@link #GAVE_UP} or {@link #CLOSED}. */
    public boolean isFinal() {
        return this == GAVE_UP || this == CLOSED;
    }
}
