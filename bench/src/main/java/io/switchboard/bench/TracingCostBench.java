package io.switchboard.bench;

import io.switchboard.bench.server.SubscriberEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Switchboard's tracing costs in the broadcast scenario (fan-out mode c), on {@link FeatureCostBench}'s rounds:
 * N subscribers of {@code SubscriberEndpoint} on a Tyrus server where its {@code tracing.enabled} is {@code true},
 * and N of the same endpoint on a second Tyrus server started alike (the same {@code OpenTelemetry} SDK bean and
 * exporter) where it is left off. Two servers, not two endpoints of one: a broadcast is traced once any endpoint of
 * the deployment with tracing on has had a handshake, so an untraced endpoint beside a traced one would pay for the
 * broadcast spans too. Afterwards each server's exporter is flushed and read, to check that the traced server
 * exported a broadcast span per broadcast (and the connections' handshake and callback spans) and the other none.
 */
final class TracingCostBench extends FeatureCostBench {

    private final List<FeatureCostResult.TracingCheck> checks = new ArrayList<>();

    /**
     * @param serverName the servers' name in the rows
     * @param traced     the server whose {@code SubscriberEndpoint} records spans
     * @param untraced   the server whose {@code SubscriberEndpoint} does not
     * @param settings   the run's settings
     */
    TracingCostBench(String serverName, ServerUnderTest traced, ServerUnderTest untraced, BenchSettings settings) {
        super(
                "tracing",
                serverName,
                new Endpoint(traced, SubscriberEndpoint.class.getSimpleName(), "bench/sub/"),
                new Endpoint(untraced, SubscriberEndpoint.class.getSimpleName(), "bench/sub/"),
                settings);
    }

    /** What each server's exporter received, per N. */
    List<FeatureCostResult.TracingCheck> checks() {
        return checks;
    }

    @Override
    void afterRounds(int n, Side on, Side off) throws Exception {
        for (Side side : List.of(on, off)) {
            Map<String, Long> spans = side.server.spans();
            long handshakes = 0;
            long callbacks = 0;
            long broadcasts = 0;
            long delivered = 0;
            long all = spans == null ? -1 : 0;
            for (Map.Entry<String, Long> e :
                    spans == null ? Map.<String, Long>of().entrySet() : spans.entrySet()) {
                String name = e.getKey().substring(0, e.getKey().indexOf('\t'));
                if (name.equals("delivered")) {
                    delivered = e.getValue();
                    continue;
                }
                all += e.getValue();
                if (name.startsWith("switchboard.handshake")) {
                    handshakes += e.getValue();
                } else if (name.startsWith("switchboard.on_")) {
                    callbacks += e.getValue();
                } else if (name.equals("switchboard.broadcast")) {
                    broadcasts += e.getValue();
                }
            }
            FeatureCostResult.TracingCheck check = new FeatureCostResult.TracingCheck(
                    side.server.name(),
                    side.endpointId,
                    side.on,
                    side.server.publishedMessages(),
                    side.delivered,
                    handshakes,
                    callbacks,
                    broadcasts,
                    delivered,
                    all);
            checks.add(check);
            log(
                    "N=%d, tracing %s (%s on %s): %d broadcasts, %d delivered; spans exported: %s",
                    n,
                    side.label(),
                    side.endpointId,
                    side.server.name(),
                    check.broadcasts(),
                    side.delivered,
                    spans == null ? "no exporter" : spans.toString().replace('\t', ' '));
        }
    }
}
