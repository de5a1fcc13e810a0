package io.switchboard.bench;

import io.switchboard.bench.server.SubscriberEndpoint;
import io.switchboard.bench.server.SubscriberNoMetricsEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Switchboard's metrics cost in the broadcast scenario (fan-out mode c): N subscribers on
 * {@code SubscriberEndpoint} (metrics recorded) and N on {@code SubscriberNoMetricsEndpoint}, the same endpoint
 * under another id whose metrics the server's configuration switches off, all connected at once in two rooms of
 * the same server. Burst rounds alternate between them (on, off, then off, on, and so on: each cycle a pair, the
 * order swapped every other cycle), then fixed-rate rounds at half the metrics-off endpoint's median burst rate,
 * likewise ({@link FeatureCostBench}). Afterwards the server's own metrics are read to check that
 * the first endpoint counted every message it sent and the second none.
 */
final class MetricsCostBench extends FeatureCostBench {

    private final ServerUnderTest server;
    private final List<FeatureCostResult.MetricsCheck> checks = new ArrayList<>();
    private Map<String, Double> before;

    MetricsCostBench(ServerUnderTest server, BenchSettings settings) {
        super(
                "metrics",
                server.name(),
                new Endpoint(server, SubscriberEndpoint.class.getSimpleName(), "bench/sub/"),
                new Endpoint(server, SubscriberNoMetricsEndpoint.class.getSimpleName(), "bench/sub-nometrics/"),
                settings);
        this.server = server;
    }

    /** What the server's metrics said about each endpoint, per N. */
    List<FeatureCostResult.MetricsCheck> checks() {
        return checks;
    }

    @Override
    void beforeRounds(int n, Side on, Side off) throws Exception {
        before = server.messagesSent();
    }

    @Override
    void afterRounds(int n, Side on, Side off) throws Exception {
        Map<String, Double> after = server.messagesSent();
        String backend = server.metricsBackend();
        for (Side side : List.of(on, off)) {
            Double now = after.get(side.endpointId);
            double recorded = now == null ? Double.NaN : now - before.getOrDefault(side.endpointId, 0.0);
            checks.add(new FeatureCostResult.MetricsCheck(
                    server.name(), backend, side.endpointId, side.delivered, recorded));
            log(
                    "N=%d, metrics %s (%s): %d delivered, switchboard_messages_sent_total grew by %s; backend: %s",
                    n,
                    side.label(),
                    side.endpointId,
                    side.delivered,
                    Double.isNaN(recorded) ? "– (no series)" : String.format("%.0f", recorded),
                    backend);
        }
    }
}
