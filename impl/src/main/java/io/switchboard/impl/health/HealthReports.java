package io.switchboard.impl.health;

import io.switchboard.ConnectionLimits;
import io.switchboard.impl.cluster.Cluster;
import io.switchboard.impl.cluster.ClusterSettings;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.limit.ConnectionLimitSettings;
import io.switchboard.impl.room.RoomRegistry;
import io.switchboard.impl.session.SessionRegistry;
import io.switchboard.impl.session.SessionSweeper;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.spi.Backplane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The facts behind the health checks, gathered when a check is called: the registry's sessions and their send
 * queues, the rooms, the backplane, the sweeper. Names no MicroProfile Health type, so it is a bean everywhere; as
 * the application starts it reads and checks the health settings (so a bad value fails the deployment even where the
 * checks are not added) and hands itself to {@link HealthExtension}, through which the checks reach it.
 */
@ApplicationScoped
public class HealthReports {

    /** Data: open sessions on this node (long). */
    public static final String SESSIONS = "sessions";
    /** Data: rooms with members on this node (long). */
    public static final String ROOMS = "rooms";
    /** Data: messages waiting in every send queue, those being written included (long). */
    public static final String QUEUED = "queued-messages";
    /** Data: the most messages waiting for one session (long). */
    public static final String LARGEST_QUEUE = "largest-queue";
    /** Data: whether the application is stopping and draining its sessions (boolean). */
    public static final String DRAINING = "draining";
    /** Data: the backplane's name, {@code local} on a single node (string). */
    public static final String BACKPLANE = "backplane";
    /** Data: whether the backplane reaches its engine; only with a backplane (boolean). */
    public static final String BACKPLANE_CONNECTED = "backplane-connected";
    /** Data: this node's id in the cluster; only with a backplane (string). */
    public static final String NODE = "node";
    /** Data: the endpoints holding their {@code connections.max} sessions, comma-separated (string). */
    public static final String FULL_ENDPOINTS = "full-endpoints";
    /** Data: why the check is down, reasons separated by {@code "; "}; only when down (string). */
    public static final String DOWN = "down";
    /** Data: the sweeper's state, {@code idle}, {@code running}, {@code stalled}, {@code dead}, {@code stopped}. */
    public static final String SWEEPER = "sweeper";
    /** Data: milliseconds since the sweeper's last sweep ended; once it started (long). */
    public static final String LAST_SWEEP = "last-sweep-ms-ago";
    /** Data: the stall threshold in milliseconds (long). */
    public static final String STALL_AFTER = "sweep-stall-ms";

    @Inject
    SessionRegistry sessions;

    @Inject
    SessionSweeper sweeper;

    @Inject
    RoomRegistry rooms;

    @Inject
    Cluster cluster;

    @Inject
    Instance<Backplane> backplanes;

    @Inject
    HealthExtension extension;

    private volatile HealthSettings settings = HealthSettings.DEFAULTS;
    private volatile String backplaneName = ReadinessVerdict.LOCAL;
    private volatile Backplane backplane;
    private volatile ClassLoader application;
    /** Each endpoint's {@code connections.max}, read once, the first time one of its sessions is counted. */
    private final ConcurrentMap<String, Integer> maxSessions = new ConcurrentHashMap<>();

    /**
     * Reads the settings as the application starts.
     *
     * @param event the application scope's start
     * @throws IllegalArgumentException naming the key and the value of a bad setting
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        application = Thread.currentThread().getContextClassLoader();
        settings = HealthSettings.read(Settings.global());
        backplaneName = ClusterSettings.read(Settings.global()).backplane();
        extension.serve(this);
    }

    /**
     * Readiness: up unless draining, the backplane is unreachable, or (where asked) an endpoint is full.
     *
     * @return the report
     */
    public Report readiness() {
        int open = 0;
        long queued = 0;
        int largest = 0;
        Map<String, Integer> byEndpoint = new HashMap<>();
        Map<String, Class<?>> classes = new HashMap<>();
        for (TrackedSession session : (Iterable<TrackedSession>) sessions.trackedSessions()::iterator) {
            open++;
            int waiting = session.outbox().size();
            queued += waiting;
            largest = Math.max(largest, waiting);
            byEndpoint.merge(session.endpointId(), 1, Integer::sum);
            classes.putIfAbsent(session.endpointId(), session.endpointClass());
        }
        List<ReadinessVerdict.FullEndpoint> full =
                ReadinessVerdict.full(byEndpoint, id -> maxSessions(id, classes.get(id)));
        String name = backplaneName;
        boolean clustered = !ReadinessVerdict.LOCAL.equals(name);
        boolean connected = clustered && backplaneConnected(name);
        boolean draining = sessions.stopping();
        ReadinessVerdict verdict =
                ReadinessVerdict.of(new ReadinessVerdict.Facts(draining, name, connected, full), settings);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put(SESSIONS, (long) open);
        data.put(ROOMS, (long) rooms.rooms().size());
        data.put(QUEUED, queued);
        data.put(LARGEST_QUEUE, (long) largest);
        data.put(DRAINING, draining);
        data.put(BACKPLANE, name);
        if (clustered) {
            data.put(BACKPLANE_CONNECTED, connected);
            data.put(NODE, cluster.id());
        }
        data.put(FULL_ENDPOINTS, full.stream().map(Object::toString).collect(Collectors.joining(",")));
        if (!verdict.up()) {
            data.put(DOWN, String.join("; ", verdict.reasons()));
        }
        return new Report(verdict.up(), data);
    }

    /**
     * Liveness: up unless the sweeper has died or stalled.
     *
     * @return the report
     */
    public Report liveness() {
        SweeperVerdict verdict = SweeperVerdict.of(sweeper.sweeps(), System.nanoTime(), settings.sweepStall());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(SWEEPER, verdict.state().word());
        if (verdict.lastSweepAgeNanos() >= 0) {
            data.put(LAST_SWEEP, SweeperVerdict.millis(verdict.lastSweepAgeNanos()));
        }
        data.put(STALL_AFTER, SweeperVerdict.millis(verdict.stallNanos()));
        if (!verdict.up()) {
            data.put(DOWN, verdict.reason());
        }
        return new Report(verdict.up(), data);
    }

    private boolean backplaneConnected(String name) {
        Backplane found = backplane;
        if (found == null) {
            for (Backplane candidate : backplanes) {
                if (candidate.name().equals(name)) {
                    found = candidate;
                    backplane = candidate;
                    break;
                }
            }
        }
        return found != null && found.connected();
    }

    /** An endpoint's {@code connections.max}, as its settings were read at deployment (key, annotation, default). */
    private int maxSessions(String endpointId, Class<?> type) {
        return maxSessions.computeIfAbsent(
                endpointId,
                id -> inApplication(() -> ConnectionLimitSettings.read(
                                Settings.global().endpoint(id),
                                type == null ? null : type.getAnnotation(ConnectionLimits.class))
                        .max()));
    }

    /** Reads configuration with the deployment's class loader: the server's health endpoint calls on its own. */
    private <T> T inApplication(Supplier<T> work) {
        ClassLoader loader = application;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (loader != null) {
            thread.setContextClassLoader(loader);
        }
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A check's outcome, in no MicroProfile Health type.
     *
     * @param up   whether the check is up
     * @param data what it reports: {@code String}, {@code Long} and {@code Boolean} values, in a fixed order
     */
    public record Report(boolean up, Map<String, Object> data) {

        /** Readiness before the application has started. */
        public static final Report STARTING = new Report(false, Map.of(DOWN, "starting"));

        /** Liveness before the application has started: the sweeper has not started either. */
        public static final Report NOT_STARTED = new Report(true, Map.of(SWEEPER, SweeperVerdict.State.IDLE.word()));
    }
}
