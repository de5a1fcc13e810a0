package io.switchboard.impl.session;

import io.switchboard.CloseCategory;
import io.switchboard.SessionState;
import jakarta.websocket.CloseReason;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session's state ({@code OPEN → CLOSING → CLOSED}) and, when Switchboard closed it, why and when. The reason is
 * one immutable record, set before the state turns {@code CLOSING}: whoever sees that state (the sweeper, the
 * registry on another thread) finds the reason and the time with it.
 */
final class CloseState {

    /** Why and when Switchboard closed the session. */
    record Closing(CloseCategory category, CloseReason reason, long requestedNanos) {}

    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.OPEN);
    private final AtomicReference<Closing> closing = new AtomicReference<>();

    /**
     * Records the first close Switchboard starts, then marks the session closing.
     *
     * @return false for any later close, or a session no longer open
     */
    boolean start(CloseCategory category, CloseReason reason, long now) {
        if (state.get() != SessionState.OPEN || !closing.compareAndSet(null, new Closing(category, reason, now))) {
            return false;
        }
        return state.compareAndSet(SessionState.OPEN, SessionState.CLOSING);
    }

    /** The session has left the registry. */
    void closed() {
        state.set(SessionState.CLOSED);
    }

    SessionState state() {
        return state.get();
    }

    /** Why and when Switchboard closed the session; {@code null} if it did not. */
    Closing closing() {
        return closing.get();
    }
}
