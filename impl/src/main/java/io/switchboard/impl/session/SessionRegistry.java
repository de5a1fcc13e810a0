package io.switchboard.impl.session;

import io.switchboard.CloseCategory;
import io.switchboard.MessageDropped;
import io.switchboard.OpenSessions;
import io.switchboard.OverflowPolicy;
import io.switchboard.SessionClosed;
import io.switchboard.SessionInfo;
import io.switchboard.SessionOpened;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.config.LivenessSettings;
import io.switchboard.impl.config.SendQueueSettings;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.delivery.MessageEncoder;
import io.switchboard.impl.metrics.EndpointMeters;
import io.switchboard.impl.metrics.SwitchboardMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The live sessions of this deployment, and the one place that fires their lifecycle events. A session
 * enters on open and leaves exactly once, however it ends.
 */
@ApplicationScoped
public class SessionRegistry implements OpenSessions {

    /**
     * The reason phrase of the close that ends a session when the application stops, where no reconnect delay is
     * told (see {@link io.switchboard.RestartAdvice}).
     */
    public static final String SHUTDOWN_REASON = io.switchboard.RestartAdvice.REASON;

    private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

    private final ConcurrentMap<String, TrackedSession> sessions = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, List<? extends ObserverMethod<?>>> observers = new ConcurrentHashMap<>();

    @Inject
    BeanManager beanManager;

    @Inject
    SessionSweeper sweeper;

    @Inject
    SwitchboardMetrics metrics;

    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.Queue<Runnable> atStop = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile ReconnectSpread spread = new ReconnectSpread(Duration.ZERO, 1, () -> 0);

    /**
     * Starts tracking a session that just opened and announces it.
     *
     * @param session       the container's session
     * @param endpointId    the endpoint id
     * @param endpointClass the user's endpoint class
     * @param peer          what the handshake established: address, principal, credentials expiry
     * @param liveness      how the endpoint finds dead and idle peers
     * @param sendQueue     the bounds of the session's send queue
     * @param history       how much history the rooms it joins keep
     * @param encoder       the endpoint's encoders
     * @param ending        ends the session where the container does not (runs its close handling once, in order)
     * @return the registry's entry, to hand back to {@link #closed}
     */
    public TrackedSession opened(
            Session session,
            String endpointId,
            Class<?> endpointClass,
            Peer peer,
            LivenessSettings liveness,
            SendQueueSettings sendQueue,
            HistorySettings history,
            MessageEncoder encoder,
            Ending ending) {
        EndpointMeters meters = metrics.endpoint(endpointId);
        TrackedSession tracked = new TrackedSession(
                this, session, endpointId, endpointClass, peer, liveness, sendQueue, history, encoder, meters, ending);
        meters.opened();
        sessions.put(session.getId(), tracked);
        sweeper.start(this);
        fire(new SessionOpened(tracked), tracked);
        if (stopping.get()) {
            // Opened while the application stops (the upgrade passed the filter just before): it gets no service.
            tracked.close(CloseCategory.SHUTDOWN, spread.nextReason());
        }
        return tracked;
    }

    /**
     * Stops tracking a session and announces its end, once: a second call for the same entry does nothing.
     *
     * @param tracked the entry returned by {@link #opened}
     * @param containerReason the close reason the container reported
     */
    public void closed(TrackedSession tracked, CloseReason containerReason) {
        if (!sessions.remove(tracked.id(), tracked)) {
            return;
        }
        tracked.closed();
        CloseReason reason = tracked.reportedReason(containerReason);
        int code = reason == null
                ? CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode()
                : reason.getCloseCode().getCode();
        String phrase = reason == null || reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase();
        CloseCategory category = tracked.categoryFor(code);
        if (stopping.get() && !tracked.closedBySwitchboard()) {
            category = CloseCategory.SHUTDOWN; // the container closing its sessions as the application stops
        }
        SessionClosed event = new SessionClosed(tracked, code, phrase, category, tracked.age());
        tracked.meters().closed(category, event.duration().toNanos());
        LOG.log(
                JulLevels.of(event.category().logLevel()),
                () -> "Session " + tracked + " closed: " + code + " "
                        + event.category().tag() + (phrase.isEmpty() ? "" : " (" + phrase + ")"));
        fire(event, tracked);
    }

    /**
     * Whether the application is stopping: new upgrades are refused, and every session is being closed.
     *
     * @return whether {@link #shutdown} has begun
     */
    public boolean stopping() {
        return stopping.get();
    }

    /**
     * Ends every session as the application stops, once (later calls return at once): messages already queued
     * are written for up to the drain timeout, then every session is closed with 1012 ({@code shutdown}) and a
     * reason that tells it when to come back (the delays spread evenly over the reconnect window); a
     * session whose close the container has not confirmed two seconds later (at the end of the drain time when
     * messages were waiting, which leaves the container time to write what it buffered) is ended by Switchboard, so that
     * every {@code @OnClose}, {@code @PreDestroy} and {@link SessionClosed} happens before the application's
     * beans go away; a session whose {@code @OnClose} is still running then is reported without waiting for it
     * (logged as a warning). Then the work given to {@link #atStop} runs. Called by whichever of the handshake
     * filter's and the servlet context's end, and this bean's own destruction, comes first.
     *
     * @param settings how long queued messages may take to go out, and over how long the clients come back
     */
    public void shutdown(ShutdownSettings settings) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            spread = new ReconnectSpread(
                    settings.reconnectWindow(),
                    sessions.size(),
                    () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
            endEverySession(settings.drain());
        } finally {
            runStopWork();
        }
    }

    /**
     * Has work done once the application stops and every session has ended: what an endpoint keeps for all its
     * sessions (its encoders) is released then.
     *
     * @param work the work; it runs once
     */
    public void atStop(Runnable work) {
        atStop.add(work);
    }

    private void runStopWork() {
        for (Runnable work; (work = atStop.poll()) != null; ) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Switchboard: releasing an endpoint's resources failed");
            }
        }
    }

    private void endEverySession(java.time.Duration drain) {
        if (sessions.isEmpty()) {
            return;
        }
        LOG.fine(() -> "Switchboard: stopping; " + sessions.size() + " sessions to close");
        long deadline = System.nanoTime() + drain.toNanos();
        boolean backlog = sessions.values().stream().anyMatch(s -> s.outbox().size() > 0);
        while (System.nanoTime() < deadline
                && sessions.values().stream()
                        .anyMatch(s -> s.isOpen() && s.outbox().size() > 0)) {
            pause();
        }
        sessions.values().forEach(s -> s.close(CloseCategory.SHUTDOWN, spread.nextReason()));
        // A write completes when the container has taken it, which is not when the peer has it: Payara's servlet
        // writer takes megabytes into its own buffers, and stopping the application tears connections down with
        // whatever is still there. Where messages were waiting, the rest of the drain time is left to the container
        // to finish writing; else two seconds for the closes to be confirmed.
        long closeDeadline = backlog ? deadline : System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        while ((backlog || !sessions.isEmpty()) && System.nanoTime() < closeDeadline) {
            pause();
        }
        sessions.values().forEach(TrackedSession::endNow);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        shutdown(ShutdownSettings.read(Settings.global()));
        runStopWork(); // work added by a session that opened while the application was stopping
    }

    /** Runs work that may call application code (closes) off the calling thread. */
    void later(Runnable work) {
        sweeper.execute(work);
    }

    void dropped(TrackedSession tracked, OverflowPolicy policy) {
        tracked.meters().dropped();
        fire(new MessageDropped(tracked, policy), tracked);
    }

    void sweep(long now, Executor closer) {
        for (TrackedSession tracked : sessions.values()) {
            try {
                tracked.sweep(now, closer);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                LOG.log(Level.WARNING, e, () -> "Switchboard: sweeping " + tracked + " failed");
            }
        }
    }

    /**
     * Notifies each synchronous observer of an event about a session on its own: with {@code Event.fire}, the
     * first observer that throws would keep the event from every observer after it. A failure is the
     * application's bug; it costs neither the session, the registry nor the other observers.
     *
     * @param payload the event
     * @param tracked what it is about (a session, a member of another node), named in the log line of an observer
     *                that throws
     * @param <T>     the event type
     */
    public <T> void fire(T payload, Object tracked) {
        for (ObserverMethod<? super T> observer : synchronousObservers(payload)) {
            try {
                observer.notify(payload);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> "Switchboard: an observer of "
                                + payload.getClass().getSimpleName()
                                + " (" + observer.getBeanClass().getName() + ") for " + tracked
                                + " threw; the session and the other observers are unaffected");
            }
        }
    }

    /** The synchronous observers of an event type, by priority: resolved once, as observers are fixed at boot. */
    @SuppressWarnings("unchecked")
    private <T> List<ObserverMethod<? super T>> synchronousObservers(T payload) {
        return (List<ObserverMethod<? super T>>) (List<?>) observers.computeIfAbsent(
                payload.getClass(),
                type -> beanManager.resolveObserverMethods(payload).stream()
                        .filter(observer -> !observer.isAsync())
                        .sorted(Comparator.comparingInt(ObserverMethod::getPriority))
                        .toList());
    }

    /** A weakly consistent stream over the registry's entries. */
    public Stream<TrackedSession> trackedSessions() {
        return sessions.values().stream();
    }

    /**
     * The entries a filter picks, as recipients for one send: each iteration scans the registry anew.
     *
     * @param filter which sessions
     * @return the entries it picks
     */
    public Iterable<TrackedSession> matching(java.util.function.Predicate<? super SessionInfo> filter) {
        return () -> trackedSessions().filter(filter).iterator();
    }

    @Override
    public Stream<SessionInfo> stream() {
        return sessions.values().stream().map(SessionInfo.class::cast);
    }

    @Override
    public int count() {
        return sessions.size();
    }

    /**
     * The registry's entry for a live session.
     *
     * @param sessionId the container's session id
     * @return the entry, or {@code null} if no tracked session with that id is open
     */
    public TrackedSession tracked(String sessionId) {
        return sessions.get(sessionId);
    }

    @Override
    public Optional<SessionInfo> findBySessionId(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }
}
