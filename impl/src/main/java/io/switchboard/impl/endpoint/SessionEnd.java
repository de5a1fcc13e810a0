package io.switchboard.impl.endpoint;

import io.switchboard.impl.session.Ending;
import jakarta.websocket.CloseReason;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One session's end, in the documented order whoever starts it (the container's {@code onClose}, the sweeper's
 * forced end, the application's stop): the user's {@code @OnClose}; when it has returned, the registry (leave,
 * {@code SessionClosed}, {@code RoomLeft}), {@code @PreDestroy} and the limits. Each step happens once. A forced end
 * that finds {@code @OnClose} still running leaves the rest to the thread running it; only the application's stop
 * does not wait for it, so that the session is reported while the application's beans still exist.
 */
final class SessionEnd implements Ending {

    private static final Logger LOG = Logger.getLogger(SessionEnd.class.getName());

    /** What ending a session does, in the order it is done. */
    interface Steps {
        /** Runs the user's {@code @OnClose}, if there is one to run. */
        void closeCallback(CloseReason reason);

        /** Whether the session is in the registry yet: an end reported during {@code onOpen} may come first. */
        boolean registered();

        /** Leaves the registry, destroys the user's instance and releases the session's limits. */
        void leave(CloseReason reason);
    }

    private final Steps steps;
    private final Supplier<String> name;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean left = new AtomicBoolean();
    // Written before the registry is looked at, and onOpen registers before it looks here: one of the two sees the
    // other, so a session registered while its @OnClose ran still leaves, and only after @OnClose returned.
    private volatile boolean closeCallbackReturned;
    private volatile CloseReason reason;

    SessionEnd(Steps steps, Supplier<String> name) {
        this.steps = steps;
        this.name = name;
    }

    /** Whether the end has begun: no open or message callback starts after it. */
    boolean started() {
        return started.get();
    }

    /**
     * Ends the session, once: {@code @OnClose}, then the registry. Later calls return at once, even while the first
     * one still runs {@code @OnClose}.
     *
     * @param closeReason the close reason to report
     */
    void end(CloseReason closeReason) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        reason = closeReason;
        try {
            steps.closeCallback(closeReason);
        } finally {
            closeCallbackReturned = true;
            leave(closeReason);
        }
    }

    /**
     * For {@code onOpen}, once the session is registered: leaves the registry if the end came while the session was
     * not registered yet and its {@code @OnClose} has returned (else the end leaves it itself).
     */
    void leaveIfEnded() {
        if (started.get() && closeCallbackReturned) {
            leave(reason);
        }
    }

    private void leave(CloseReason closeReason) {
        if (steps.registered() && left.compareAndSet(false, true)) {
            steps.leave(closeReason);
        }
    }

    @Override
    public void force(CloseReason closeReason) {
        end(closeReason);
        if (closeCallbackReturned) {
            leave(closeReason); // an end that found nothing registered while onOpen still ran
        } else {
            LOG.fine(() -> "Switchboard: @OnClose of " + name.get() + " is still running; the session leaves the"
                    + " registry when it returns");
        }
    }

    @Override
    public void abandon(CloseReason closeReason) {
        end(closeReason);
        if (!closeCallbackReturned && !left.get()) {
            LOG.warning(() -> "Switchboard: @OnClose of " + name.get() + " has not returned as the application stops;"
                    + " the session's end is reported now, before it returns");
        }
        leave(reason != null ? reason : closeReason);
    }
}
