package io.switchboard.bench.tyrus;

import io.switchboard.bench.server.MetricsScrape;
import io.switchboard.bench.server.SpanCount;
import io.switchboard.bench.server.SubscriberEndpoint;
import io.switchboard.bench.tyrus.tracing.OpenTelemetryProducer;
import io.switchboard.impl.metrics.registry.PrometheusRegistryProducer;
import io.switchboard.impl.testing.FastServer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench endpoints on Tyrus standalone (Grizzly, bound to 127.0.0.1 on a free port) with Weld SE and
 * Switchboard, through the fast test harness. Prints {@code BENCH-SERVER-READY <base uri>} when it serves,
 * and stops when its standard input closes, so it never outlives the load generator.
 *
 * <p>Metrics go to a Micrometer Prometheus registry, a CDI bean as WildFly's micrometer subsystem offers one
 * (the fast harness's {@link PrometheusRegistryProducer}, deployed with the bench endpoints); the control endpoint's
 * {@code metrics} request reads it. MicroProfile Config comes from system properties (SmallRye Config), which is
 * where the launcher switches the metrics-off endpoint's metrics off.
 *
 * <p>With {@code -Dbench.tracing=true} (the tracing cost's servers) an {@code OpenTelemetry} SDK bean is deployed too,
 * as MicroProfile Telemetry offers one ({@link OpenTelemetryProducer}: a batch processor into an exporter that counts
 * and discards); the control endpoint's {@code spans} request reads its counts. Whether an endpoint records spans is
 * still its {@code switchboard.<id>.tracing.enabled} system property.
 */
public final class TyrusBenchServer {

    /** The line that announces the running server. */
    public static final String READY = "BENCH-SERVER-READY ";

    /**
     * The system property that names the port on 127.0.0.1 (default: a free one), for a server started again where
     * its clients reconnect (the history part's restart).
     */
    public static final String PORT = "bench.port";

    /** The system property that deploys the {@code OpenTelemetry} SDK bean ({@code true}), for the tracing cost. */
    public static final String TRACING = "bench.tracing";

    private TyrusBenchServer() {}

    public static void main(String[] args) throws Exception {
        List<Class<?>> packages = new ArrayList<>(List.of(SubscriberEndpoint.class, PrometheusRegistryProducer.class));
        boolean tracing = Boolean.getBoolean(TRACING);
        if (tracing) {
            packages.add(OpenTelemetryProducer.class);
        }
        try (FastServer server = FastServer.start(
                FastServer.Mode.SWITCHBOARD, Integer.getInteger(PORT, 0), packages.toArray(Class<?>[]::new))) {
            if (tracing) {
                SpanCount.use(OpenTelemetryProducer::flushedSummary);
            }
            MetricsScrape.use(() ->
                    PrometheusRegistryProducer.current == null ? "" : PrometheusRegistryProducer.current.scrape());
            System.out.println(READY + server.base());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // wait for the parent to go away or close our input
            }
        }
        System.exit(0);
    }
}
