package io.switchboard.bench;

import io.switchboard.bench.server.SubscriberEndpoint;
import io.switchboard.bench.server.SubscriberUngatheredEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What gathered writes change in the broadcast scenario (fan-out mode c): N subscribers on {@code SubscriberEndpoint}
 * (gathered writes on, the default) and N on {@code SubscriberUngatheredEndpoint}, the same endpoint under another
 * id whose gathered writes the server's configuration switches off (one write per message, as before), all connected
 * at once in two rooms of the same server. Burst rounds alternate between them, then fixed-rate rounds at half the
 * ungathered endpoint's median burst rate ({@link FeatureCostBench}): CPU per delivery in bursts, and latency at
 * half load, measured side by side in one run. Around each measured burst round the server's fast-path write
 * counters are read, so the tables say how many deliveries each write carried on each side.
 */
final class GatherCostBench extends FeatureCostBench {

    private final ServerUnderTest server;
    private final Map<String, FeatureCostResult.GatherCheck> checks = new LinkedHashMap<>();
    private long[] before;

    GatherCostBench(ServerUnderTest server, BenchSettings settings) {
        super(
                "gather",
                server.name(),
                new Endpoint(server, SubscriberEndpoint.class.getSimpleName(), "bench/sub/"),
                new Endpoint(server, SubscriberUngatheredEndpoint.class.getSimpleName(), "bench/sub-ungathered/"),
                settings);
        this.server = server;
    }

    /** The write counts of each N, size and side; empty where the server has no fast path counters. */
    List<FeatureCostResult.GatherCheck> checks() {
        return new ArrayList<>(checks.values());
    }

    @Override
    void burstStarting(Side side) throws Exception {
        before = server.fastPathWrites();
    }

    @Override
    void burstEnded(Side side, int n, int size, long deliveries) throws Exception {
        long[] after = server.fastPathWrites();
        if (before == null || after == null) {
            return;
        }
        String key = n + "/" + size + "/" + side.on;
        FeatureCostResult.GatherCheck sum = checks.get(key);
        checks.put(
                key,
                new FeatureCostResult.GatherCheck(
                        server.name(),
                        n,
                        size,
                        side.endpointId,
                        side.on,
                        deliveries + (sum == null ? 0 : sum.deliveries()),
                        after[0] - before[0] + (sum == null ? 0 : sum.writes()),
                        after[1] - before[1] + (sum == null ? 0 : sum.gathered())));
    }

    @Override
    void afterRounds(int n, Side on, Side off) {
        for (FeatureCostResult.GatherCheck check : checks.values()) {
            if (check.subscribers() == n) {
                log(
                        "N=%d, %d B, gathered writes %s (%s): %d deliveries in measured bursts, %d writes, %d in"
                                + " gathered writes",
                        n,
                        check.size(),
                        check.on() ? "on" : "off",
                        check.endpoint(),
                        check.deliveries(),
                        check.writes(),
                        check.gathered());
            }
        }
    }
}
