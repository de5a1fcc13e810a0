package io.switchboard.impl.delivery;

import io.switchboard.impl.config.SwitchboardConfig;
import io.switchboard.impl.delivery.tyrus.TyrusFastPath;
import jakarta.websocket.Session;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses each session's {@link SessionWriter}: a container fast path where one applies to the session (today
 * Tyrus's, see {@link TyrusFastPath}), else the portable writer. {@code switchboard.fast-path=false} keeps every
 * session on the portable writer.
 */
public final class FastPaths {

    private static final Logger LOG = Logger.getLogger(FastPaths.class.getName());
    private static final AtomicBoolean REPORTED_OFF = new AtomicBoolean();

    private FastPaths() {
    }

    /**
     * The writer for a session that just opened.
     *
     * @param session the session
     * @return its writer
     */
    public static SessionWriter writerFor(Session session) {
        if (enabled()) {
            SessionWriter fast = TyrusFastPath.writerFor(session);
            if (fast != null) {
                return fast;
            }
        }
        return SessionWriter.portable(session);
    }

    /**
     * Read at every session open (a map lookup) rather than cached: the value belongs to the deployment whose
     * thread opens the session, and a static cache would be shared by every deployment that loads this class
     * from one class loader (the fast tests' servers).
     */
    private static boolean enabled() {
        try {
            if (SwitchboardConfig.fastPath()) {
                return true;
            }
            if (REPORTED_OFF.compareAndSet(false, true)) {
                LOG.info("Switchboard: fast path off (switchboard.fast-path=false): sessions use the portable async"
                        + " sends");
            }
        } catch (IllegalArgumentException e) {
            // Sessions are opening: too late to fail the deployment, so take the path that always works.
            if (REPORTED_OFF.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, e.getMessage() + ": sessions use the portable async sends");
            }
        }
        return false;
    }
}
