package io.switchboard.impl.delivery;

import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses each session's {@link SessionWriter}: the first {@link FastPath} that applies to the session (today the
 * impl jar ships two: Tyrus's, in {@code impl.delivery.tyrus}, and Undertow's batches, in {@code impl.delivery.undertow}), else the portable writer.
 * {@code switchboard.fast-path=false} keeps every session on the portable writer.
 */
public final class FastPaths {

    private static final Logger LOG = Logger.getLogger(FastPaths.class.getName());
    private static final AtomicBoolean REPORTED_OFF = new AtomicBoolean();

    /**
     * Found once, with this class's own loader rather than the thread's context loader. Switchboard ships inside the
     * WAR, so its loader is the application's: it sees the impl jar's service file and any fast-path jar beside it in
     * {@code WEB-INF/lib}. The context loader is whatever the container set on the thread that opens the first
     * session (Tyrus's and Undertow's I/O and completion threads are not bound to one application), so it could find
     * another deployment's providers, or none. A provider that fails to load is skipped and logged, never fatal:
     * the portable writer always works.
     */
    private static final List<FastPath> FOUND = load();

    private FastPaths() {}

    /**
     * The writer for a session that just opened, after every fast path has seen it ({@link FastPath#opened}).
     *
     * @param session the session
     * @return its writer
     */
    public static SessionWriter writerFor(Session session) {
        for (FastPath path : FOUND) {
            path.opened(session);
        }
        if (enabled()) {
            for (FastPath path : FOUND) {
                SessionWriter fast = path.writerFor(session);
                if (fast != null) {
                    return fast;
                }
            }
        }
        return SessionWriter.portable(session);
    }

    /**
     * Whether Switchboard may write through a container fast path where one applies ({@code switchboard.fast-path},
     * a deployment-wide key, default {@code true}); {@code false} keeps every session on the portable async sends.
     *
     * @param settings the deployment's settings
     * @return the setting
     * @throws IllegalArgumentException if the configured value is not {@code true} or {@code false}
     */
    public static boolean configured(Settings settings) {
        return settings.key("switchboard.fast-path").as(Parsers.BOOLEAN).orDefault(true);
    }

    /**
     * Read at every session open (a map lookup) rather than cached: the value belongs to the deployment whose
     * thread opens the session, and a static cache would be shared by every deployment that loads this class
     * from one class loader (the fast tests' servers).
     */
    private static boolean enabled() {
        try {
            if (configured(Settings.global())) {
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

    private static List<FastPath> load() {
        Iterator<FastPath> providers = ServiceLoader.load(FastPath.class, FastPaths.class.getClassLoader())
                .iterator();
        List<FastPath> found = new ArrayList<>();
        // The iterator can go on after a provider fails, "on a best effort" (ServiceLoader's words): a bound keeps a
        // broken service file from looping.
        for (int failures = 0; failures < 8; ) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError e) {
                failures++;
                LOG.log(Level.WARNING, "Switchboard: a fast path could not be loaded and is skipped", e);
            }
        }
        return List.copyOf(found);
    }
}
