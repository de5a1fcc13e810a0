package io.switchboard.impl.session;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deployment's one timer: a single daemon thread that sweeps every tracked session a few times a second
 * (heartbeat pings and timeouts, closes the container never confirmed). No thread, timer or task per
 * session. It starts with the first session and stops with the application.
 */
@ApplicationScoped
public class SessionSweeper {

    private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());
    /** How often every session is looked at; heartbeat timings are this precise. */
    static final long PERIOD_MILLIS = 250;

    private volatile ScheduledExecutorService executor;

    /**
     * Starts sweeping the registry, once; later calls do nothing.
     *
     * @param registry the sessions to sweep
     */
    void start(SessionRegistry registry) {
        if (executor != null) {
            return;
        }
        synchronized (this) {
            if (executor != null) {
                return;
            }
            // The sweeper calls application code (@OnClose of sessions it ends): it runs with the application's
            // class loader, as the container's own threads do.
            ClassLoader application = Thread.currentThread().getContextClassLoader();
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "switchboard-sweeper");
                thread.setDaemon(true);
                thread.setContextClassLoader(application);
                return thread;
            });
            started.scheduleWithFixedDelay(() -> sweep(registry), PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            executor = started;
        }
    }

    private static void sweep(SessionRegistry registry) {
        try {
            registry.sweep(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Switchboard: a session sweep failed; the next one runs as planned", e);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
        }
    }
}
