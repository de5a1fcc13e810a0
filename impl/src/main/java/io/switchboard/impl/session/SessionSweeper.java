package io.switchboard.impl.session;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deployment's one timer: a single daemon thread that sweeps every tracked session a few times a second
 * (heartbeat pings and timeouts, closes the container never confirmed), and two threads that carry out the
 * closes it decides on. No thread, timer or task per session. It starts with the first session and stops with
 * the application.
 */
@ApplicationScoped
public class SessionSweeper {

    private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());
    /** How often every session is looked at; heartbeat timings are this precise. */
    static final long PERIOD_MILLIS = 250;

    private static final int CLOSER_THREADS = 2;

    private volatile ScheduledExecutorService executor;
    private volatile ExecutorService closer;
    /** For {@link #sweeps()}: the periodic task, the thread that runs it, when the last sweep ended. */
    private volatile ScheduledFuture<?> sweepTask;

    private volatile Thread thread;
    private volatile long lastSweepEnded;
    private volatile boolean stopped;

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
            // Closes run application callbacks (@OnClose, @PreDestroy, observers): on a few threads of their
            // own, so that a slow one delays neither the sweep nor other closes much.
            ThreadPoolExecutor closes = new ThreadPoolExecutor(
                    CLOSER_THREADS,
                    CLOSER_THREADS,
                    30,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(),
                    threads("switchboard-closer", application));
            closes.allowCoreThreadTimeOut(true);
            closer = closes;
            ThreadFactory sweeperThreads = threads("switchboard-sweeper", application);
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread created = sweeperThreads.newThread(task);
                thread = created;
                return created;
            });
            lastSweepEnded = System.nanoTime();
            sweepTask = started.scheduleWithFixedDelay(
                    () -> {
                        sweep(registry, closes);
                        lastSweepEnded = System.nanoTime();
                    },
                    PERIOD_MILLIS,
                    PERIOD_MILLIS,
                    TimeUnit.MILLISECONDS);
            executor = started;
        }
    }

    /**
     * Runs work on the closer threads: closes decided outside the sweep (a send queue that overflowed, a write
     * that failed) run application callbacks, which must not run on the thread that noticed.
     *
     * @param work the work
     */
    void execute(Runnable work) {
        ExecutorService closing = closer;
        if (closing == null) {
            work.run(); // not started: no session was ever opened, so there is nothing to protect
            return;
        }
        try {
            closing.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.fine("Switchboard: the application is stopping; a close is skipped");
        }
    }

    private static ThreadFactory threads(String name, ClassLoader application) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        };
    }

    private static void sweep(SessionRegistry registry, Executor closer) {
        try {
            registry.sweep(System.nanoTime(), closer);
        } catch (Throwable e) {
            // Never let the scheduled task die: a thrown Error would cancel every later sweep without a word.
            LOG.log(Level.SEVERE, "Switchboard: a session sweep failed; the next one runs as planned", e);
        }
    }

    /**
     * What the sweeper is doing, for the liveness check: a few volatile reads, no lock.
     *
     * @return the state now
     */
    public Sweeps sweeps() {
        ScheduledFuture<?> task = sweepTask;
        ScheduledExecutorService sweeping = executor;
        Thread running = thread;
        boolean alive = task != null
                && !task.isDone()
                && sweeping != null
                && !sweeping.isShutdown()
                && running != null
                && running.isAlive();
        return new Sweeps(task != null, stopped, alive, lastSweepEnded);
    }

    /**
     * The sweeper's state at one moment.
     *
     * @param started        whether it started (with the deployment's first session)
     * @param stopped        whether the application stopped it
     * @param alive          whether its periodic task is scheduled, its executor running and its thread alive
     * @param lastSweepEnded {@link System#nanoTime()} when the last sweep ended (when it started, before the first)
     */
    public record Sweeps(boolean started, boolean stopped, boolean alive, long lastSweepEnded) {}

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledExecutorService sweeping = executor;
        ExecutorService closing = closer;
        if (sweeping == null) {
            return;
        }
        sweeping.shutdownNow();
        closing.shutdownNow();
        try {
            // The application is going away: let a sweep or close under way finish before its classes do.
            sweeping.awaitTermination(1, TimeUnit.SECONDS);
            closing.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
