package io.switchboard.impl.metrics;

import io.switchboard.RoomService;
import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import io.switchboard.spi.MetricsBackend;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deployment's metrics: the backend chosen once (the application's own {@link MetricsBackend} bean, else
 * MicroProfile Metrics, else Micrometer, else none), the instruments of each endpoint (none for an endpoint with
 * {@code metrics.enabled=false}), and the deployment-wide room gauge, broadcast histogram and count of sends a
 * rollback dropped.
 */
@ApplicationScoped
public class SwitchboardMetrics {

    private static final Logger LOG = Logger.getLogger(SwitchboardMetrics.class.getName());

    @Inject
    Instance<MetricsBackend> applicationBackends;

    @Inject
    Instance<RoomService> rooms;

    private MetricsBackend backend = NoMetrics.INSTANCE;
    private MetricsBackend.Distribution recipients;
    private MetricsBackend.Counter rolledBack;
    private final ConcurrentMap<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        backend = choose();
        recipients = backend.histogram(Names.BROADCAST_RECIPIENTS, "Recipients of each broadcast", null, Map.of());
        rolledBack = backend.counter(
                Names.SENDS_ROLLED_BACK, "Sends held by afterCommit() dropped by a rollback", null, Map.of());
        backend.gauge(
                Names.ROOMS_ACTIVE,
                "Rooms with members",
                Map.of(),
                () -> rooms.get().rooms().size());
    }

    private MetricsBackend choose() {
        if (applicationBackends.isResolvable()) {
            return announce("the application's " + MetricsBackend.class.getSimpleName(), applicationBackends.get());
        }
        MetricsBackend found = tryBackend(
                "org.eclipse.microprofile.metrics.MetricRegistry", MicroProfileMetricsBackend.class.getName());
        if (found != null) {
            return announce("MicroProfile Metrics", found);
        }
        found = tryBackend("io.micrometer.core.instrument.MeterRegistry", MicrometerBackend.class.getName());
        if (found != null) {
            return announce("Micrometer", found);
        }
        LOG.info("Switchboard: no metrics backend (neither MicroProfile Metrics nor a Micrometer MeterRegistry is "
                + "offered): metrics are off");
        return NoMetrics.INSTANCE;
    }

    /**
     * Looks a backend up (its static {@code lookup()}) only where its API is there. The backend class is named,
     * not referenced: naming it in code would load it, and its API with it, on servers without that API.
     */
    private static MetricsBackend tryBackend(String apiClass, String backendClass) {
        ClassLoader loader = SwitchboardMetrics.class.getClassLoader();
        try {
            Class.forName(apiClass, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
        try {
            return (MetricsBackend) Class.forName(backendClass, true, loader)
                    .getDeclaredMethod("lookup")
                    .invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            LOG.log(
                    Level.INFO,
                    "Switchboard: " + apiClass + " is there but cannot be used; trying the next backend",
                    e.getCause());
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(
                    Level.INFO,
                    "Switchboard: " + apiClass + " is there but cannot be used; trying the next backend",
                    e);
            return null;
        }
    }

    private static MetricsBackend announce(String what, MetricsBackend chosen) {
        LOG.info(() -> "Switchboard: metrics go to " + what);
        return chosen;
    }

    /**
     * Whether an endpoint's metrics are recorded ({@code switchboard.<id>.metrics.enabled}, else
     * {@code switchboard.default.metrics.enabled}, default {@code true}).
     *
     * @param endpoint the endpoint's settings
     * @return the setting
     * @throws IllegalArgumentException if the configured value is not {@code true} or {@code false}
     */
    public static boolean enabled(Settings.Endpoint endpoint) {
        return endpoint.key("metrics.enabled").as(Parsers.BOOLEAN).orDefault(true);
    }

    /**
     * The instruments of one endpoint.
     *
     * @param endpointId the endpoint id, the {@code endpoint} tag
     * @return its instruments, created on first use
     */
    public EndpointMeters endpoint(String endpointId) {
        return endpoints.computeIfAbsent(
                endpointId,
                id -> enabled(Settings.global().endpoint(id))
                        ? new EndpointMeters(backend, id, backend != NoMetrics.INSTANCE)
                        : new EndpointMeters(NoMetrics.INSTANCE, id, false));
    }

    /**
     * Where metrics go, for parts that make their own instruments (the reconnecting clients).
     *
     * @return the backend chosen at start
     */
    public MetricsBackend backend() {
        return backend;
    }

    /**
     * The instruments of a backplane.
     *
     * @param backplane its name, the {@code backplane} tag
     * @param connected whether it is connected now, read when the metrics are read
     * @return its instruments
     */
    public BackplaneMeters backplane(String backplane, java.util.function.BooleanSupplier connected) {
        return new BackplaneMeters(backend, backplane, connected);
    }

    /**
     * A broadcast went out.
     *
     * @param count its recipients
     */
    public void broadcast(int count) {
        recipients.record(count);
    }

    /** A send held by {@code afterCommit()} was dropped: its transaction rolled back. */
    public void rolledBack() {
        rolledBack.add(1);
    }

    @PreDestroy
    void stop() {
        try {
            backend.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Switchboard: the metrics backend failed to close", e);
        }
    }
}
