package io.switchboard.impl.session;

import jakarta.websocket.CloseReason;

/**
 * How Switchboard ends a session the container has not ended, implemented by whatever runs the session's callbacks.
 * Either way the session's end happens once, in its documented order: {@code @OnClose}, then the registry (leave,
 * {@code SessionClosed}, {@code RoomLeft}), then {@code @PreDestroy}.
 */
public interface Ending {

    /**
     * Ends the session: runs its close handling unless it is already under way; a {@code @OnClose} still running
     * is waited for, and the session leaves the registry when it returns.
     *
     * @param reason the close reason to report
     */
    void force(CloseReason reason);

    /**
     * Ends the session as the application stops: as {@link #force}, but a {@code @OnClose} that is still running
     * is not waited for: the session leaves the registry now, while the application's beans are still there.
     *
     * @param reason the close reason to report
     */
    void abandon(CloseReason reason);
}
