package io.switchboard.impl.tracing;

import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deployment's tracing: the tracer looked up once as the application starts (MicroProfile Telemetry's
 * {@code OpenTelemetry} bean, where the API and the bean are there; else none), and each endpoint's
 * {@link EndpointTracing}. No OpenTelemetry type appears here: a bean that named one would be dropped, with its
 * injectors failing, where the API is absent.
 */
@ApplicationScoped
public class SwitchboardTracing {

    private static final Logger LOG = Logger.getLogger(SwitchboardTracing.class.getName());

    /** The deployment's beans, where the {@code OpenTelemetry} bean is looked up by a type this class cannot name. */
    @Inject
    Instance<Object> beans;

    private volatile TraceBackend backend;
    private volatile boolean looked;
    /** Whether an endpoint with tracing on has been seen: broadcasts are traced from then on. */
    private volatile boolean broadcasts;

    private final ConcurrentMap<String, EndpointTracing> endpoints = new ConcurrentHashMap<>();

    /**
     * Whether an endpoint's handshakes and callbacks are traced ({@code switchboard.<id>.tracing.enabled}, else
     * {@code switchboard.default.tracing.enabled}, default {@code false}).
     *
     * @param endpoint the endpoint's settings
     * @return the setting
     * @throws IllegalArgumentException if the configured value is not {@code true} or {@code false}
     */
    public static boolean enabled(Settings.Endpoint endpoint) {
        return endpoint.key("tracing.enabled").as(Parsers.BOOLEAN).orDefault(false);
    }

    /** Looks the tracer up once, on a thread of the deployment as it starts (where CDI lookups are sure to work). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        backend();
    }

    private TraceBackend backend() {
        if (!looked) {
            synchronized (this) {
                if (!looked) {
                    backend = lookup(beans);
                    looked = true;
                }
            }
        }
        return backend;
    }

    /**
     * The OpenTelemetry backend where the API is there and the server offers the bean: the class is named, not
     * referenced, since loading it would load the API.
     */
    private static TraceBackend lookup(Instance<Object> beans) {
        ClassLoader loader = SwitchboardTracing.class.getClassLoader();
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.fine("Switchboard: no OpenTelemetry API: traces are off");
            return null;
        }
        try {
            TraceBackend found = (TraceBackend) Class.forName(OpenTelemetryTracing.class.getName(), true, loader)
                    .getDeclaredMethod("lookup", Instance.class)
                    .invoke(null, beans);
            if (found == null) {
                LOG.fine("Switchboard: no OpenTelemetry bean: traces are off");
            }
            return found;
        } catch (InvocationTargetException e) {
            LOG.log(Level.INFO, "Switchboard: OpenTelemetry is there but cannot be used: traces are off", e.getCause());
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "Switchboard: OpenTelemetry is there but cannot be used: traces are off", e);
            return null;
        }
    }

    /**
     * The tracing of one endpoint.
     *
     * @param endpointId the endpoint id
     * @param path       its path template
     * @return its tracing, {@link EndpointTracing#OFF} when its setting is off or nothing records spans
     */
    public EndpointTracing endpoint(String endpointId, String path) {
        return endpoints.computeIfAbsent(endpointId, id -> {
            if (!enabled(Settings.global().endpoint(id))) {
                return EndpointTracing.OFF;
            }
            TraceBackend found = backend();
            if (found == null) {
                LOG.info(() -> "Switchboard: tracing is on for endpoint " + id
                        + " but the server offers no OpenTelemetry (MicroProfile Telemetry): no spans");
                return EndpointTracing.OFF;
            }
            broadcasts = true;
            return new EndpointTracing(found, id, path);
        });
    }

    /**
     * Starts a broadcast's span, once any endpoint with tracing on has had a handshake (a broadcast may reach
     * sessions of several endpoints).
     *
     * @return the span, or {@link BroadcastTrace#NONE}
     */
    public BroadcastTrace broadcast() {
        return broadcasts ? backend.broadcast() : BroadcastTrace.NONE;
    }
}
