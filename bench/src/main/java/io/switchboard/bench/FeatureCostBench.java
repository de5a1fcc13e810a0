package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Deliveries;
import io.switchboard.bench.client.Publisher;
import io.switchboard.bench.report.Spread;
import java.util.ArrayList;
import java.util.List;

/**
 * What a feature costs in the broadcast scenario (fan-out mode c), on against off: N subscribers of an endpoint with
 * the feature on and N of one with it off, all connected at once, each room with its own publisher. Burst rounds
 * alternate between them (on, off, then off, on, and so on: each cycle a pair, the order swapped every other cycle),
 * then fixed-rate rounds at half the off endpoint's median burst rate, likewise. The two endpoints may be in the same
 * server ({@link MetricsCostBench}) or in two servers started alike but for the feature ({@link TracingCostBench});
 * each side's CPU is its own server's. A subclass checks afterwards that the feature did its work on one side and
 * none on the other.
 */
abstract class FeatureCostBench {

    static final long SETTLE_MILLIS = 30_000;

    private final String feature;
    private final String serverName;
    private final Endpoint onEndpoint;
    private final Endpoint offEndpoint;
    private final BenchSettings settings;

    /**
     * One side's endpoint.
     *
     * @param server     the server it runs in
     * @param endpointId its endpoint id
     * @param path       its path without the room, e.g. {@code bench/sub/}
     */
    record Endpoint(ServerUnderTest server, String endpointId, String path) {}

    /**
     * @param feature    what is measured, in room names, progress lines and the tables' column ({@code metrics})
     * @param serverName the server's name in the rows
     * @param on         the endpoint with the feature on
     * @param off        the endpoint with it off, the reference
     * @param settings   the run's settings ({@code metricsBurst} sets the burst rounds)
     */
    FeatureCostBench(String feature, String serverName, Endpoint on, Endpoint off, BenchSettings settings) {
        this.feature = feature;
        this.serverName = serverName;
        this.onEndpoint = on;
        this.offEndpoint = off;
        this.settings = settings;
    }

    /** One of the two endpoints, its room and connections, and what its rounds measured. */
    static final class Side {
        final boolean on;
        final ServerUnderTest server;
        final FanOutBench rounds;
        final String endpointId;
        final String path;
        final String room;
        final Deliveries deliveries = new Deliveries();
        Publisher publisher;
        long delivered;
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        final List<Double> cpuFixed = new ArrayList<>();
        int incomplete;

        Side(boolean on, Endpoint endpoint, String room, BenchSettings settings) {
            this.on = on;
            this.server = endpoint.server();
            this.rounds = new FanOutBench(endpoint.server(), settings);
            this.endpointId = endpoint.endpointId();
            this.path = endpoint.path();
            this.room = room;
        }

        String label() {
            return on ? "on" : "off";
        }

        void reset() {
            rates.clear();
            cpu.clear();
            p50.clear();
            p99.clear();
            cpuFixed.clear();
            incomplete = 0;
        }
    }

    /** Every N and size; the subclass's checks are there afterwards. */
    List<FeatureCostResult> run() throws Exception {
        if (!onEndpoint.server().switchboardAvailable() || !offEndpoint.server().switchboardAvailable()) {
            return List.of();
        }
        List<FeatureCostResult> results = new ArrayList<>();
        for (int n : settings.subscriberCounts()) {
            results.addAll(run(n));
        }
        return results;
    }

    /** Called once both rooms have their N subscribers and publishers, before the first round of N. */
    void beforeRounds(int n, Side on, Side off) throws Exception {}

    /** Called before each measured burst round of a side (not the warm-up's). */
    void burstStarting(Side side) throws Exception {}

    /**
     * Called after each measured burst round of a side.
     *
     * @param side       the side
     * @param n          N
     * @param size       payload bytes
     * @param deliveries the deliveries the round made (N × messages)
     */
    void burstEnded(Side side, int n, int size, long deliveries) throws Exception {}

    /** Called after the last round of N, once the servers have handled every message, before the rooms close. */
    abstract void afterRounds(int n, Side on, Side off) throws Exception;

    private List<FeatureCostResult> run(int n) throws Exception {
        Side on = new Side(true, onEndpoint, feature + "-on-" + n, settings);
        Side off = new Side(false, offEndpoint, feature + "-off-" + n, settings);
        List<Channel> channels = new ArrayList<>();
        List<FeatureCostResult> results = new ArrayList<>();
        try {
            for (Side side : List.of(on, off)) {
                channels.addAll(side.server
                        .clients()
                        .connectAll(side.server.uri(side.path + side.room), n, i -> side.deliveries));
            }
            for (Side side : List.of(on, off)) {
                side.server.awaitSubscribers(side.room, n, SETTLE_MILLIS);
                side.publisher = side.server.publisher(side.room);
            }
            beforeRounds(n, on, off);
            for (int size : settings.sizes()) {
                results.addAll(scenario(n, size, on, off));
            }
            on.server.awaitProcessed(on.room, SETTLE_MILLIS);
            if (off.server != on.server) {
                off.server.awaitProcessed(off.room, SETTLE_MILLIS);
            }
            Thread.sleep(500);
            afterRounds(n, on, off);
        } finally {
            ClientGroup.closeAll(channels);
            on.server.awaitSubscribers(on.room, 0, SETTLE_MILLIS);
            off.server.awaitSubscribers(off.room, 0, SETTLE_MILLIS);
        }
        return results;
    }

    private List<FeatureCostResult> scenario(int n, int size, Side on, Side off) throws Exception {
        int messages = Math.max(5, Math.min(500, settings.metricsBurst() / n));
        List<Side> sides = List.of(on, off);
        sides.forEach(Side::reset);
        log("N=%d, %d B: warming up (%d messages per burst)", n, size, messages);
        for (Side side : sides) {
            burst(side, n, size, messages);
        }
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            for (Side side : order(cycle, on, off)) {
                burstStarting(side);
                FanOutBench.Burst burst = burst(side, n, size, messages);
                burstEnded(side, n, size, (long) n * messages);
                side.rates.add(burst.complete() ? burst.deliveriesPerSecond() : Double.NaN);
                side.cpu.add(burst.cpuMicrosPerDelivery());
                if (!burst.complete()) {
                    side.incomplete++;
                }
                log(
                        "N=%d, %d B, cycle %d, %s %s: %d deliveries/s, %.3f µs CPU/delivery%s",
                        n,
                        size,
                        cycle,
                        feature,
                        side.label(),
                        Math.round(burst.deliveriesPerSecond()),
                        burst.cpuMicrosPerDelivery(),
                        burst.complete() ? "" : " (INCOMPLETE: timed out)");
            }
        }
        double fixedRate = Spread.of(off.rates).median() / 2;
        if (!Double.isNaN(fixedRate)) {
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                for (Side side : order(cycle, on, off)) {
                    FanOutBench.Latency latency = side.rounds.latency(
                            side.room, n, size, fixedRate / n, Mode.SWITCHBOARD, side.deliveries, side.publisher);
                    side.delivered += side.deliveries.received();
                    side.p50.add(latency.p50());
                    side.p99.add(latency.p99());
                    side.cpuFixed.add(latency.cpuMicrosPerDelivery());
                    if (!latency.complete()) {
                        side.incomplete++;
                    }
                    log(
                            "N=%d, %d B, cycle %d, %s %s at %.0f deliveries/s: p50 %.2f ms, p99 %.2f ms, "
                                    + "%.3f µs CPU/delivery%s",
                            n,
                            size,
                            cycle,
                            feature,
                            side.label(),
                            fixedRate,
                            latency.p50(),
                            latency.p99(),
                            latency.cpuMicrosPerDelivery(),
                            latency.complete() ? "" : " (INCOMPLETE)");
                }
            }
        }
        List<FeatureCostResult> results = new ArrayList<>();
        for (Side side : sides) {
            results.add(new FeatureCostResult(
                    serverName,
                    n,
                    size,
                    side.on,
                    Spread.of(side.rates),
                    Spread.of(side.cpu),
                    fixedRate,
                    Spread.of(side.p50),
                    Spread.of(side.p99),
                    Spread.of(side.cpuFixed),
                    side.incomplete));
        }
        return results;
    }

    /**
     * On, off in odd cycles, off, on in even ones, so that whatever favours the first (or the second) round of a pair
     * weighs on both endpoints alike.
     */
    private static List<Side> order(int cycle, Side on, Side off) {
        return cycle % 2 == 1 ? List.of(on, off) : List.of(off, on);
    }

    private FanOutBench.Burst burst(Side side, int n, int size, int messages) throws Exception {
        FanOutBench.Burst burst =
                side.rounds.burst(side.room, n, size, messages, Mode.SWITCHBOARD, side.deliveries, side.publisher);
        side.delivered += side.deliveries.received();
        return burst;
    }

    void log(String format, Object... args) {
        BenchMain.log(serverName + ": " + feature + " cost: " + String.format(format, args));
    }
}
