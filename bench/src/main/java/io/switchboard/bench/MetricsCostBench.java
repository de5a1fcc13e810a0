package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Deliveries;
import io.switchboard.bench.client.Publisher;
import io.switchboard.bench.report.Spread;
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
 * likewise. Afterwards the server's own metrics are read to check that
 * the first endpoint counted every message it sent and the second none.
 */
final class MetricsCostBench {

    private static final long SETTLE_MILLIS = 30_000;

    private final ServerUnderTest server;
    private final BenchSettings settings;
    private final FanOutBench rounds;
    private final List<MetricsCostResult.Check> checks = new ArrayList<>();

    MetricsCostBench(ServerUnderTest server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
        this.rounds = new FanOutBench(server, settings);
    }

    /** One of the two endpoints, its room and connections, and what its rounds measured. */
    private static final class Side {
        final boolean metricsOn;
        final String endpointId;
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

        Side(boolean metricsOn, String endpointId, String room) {
            this.metricsOn = metricsOn;
            this.endpointId = endpointId;
            this.room = room;
        }

        String label() {
            return metricsOn ? "on" : "off";
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

    /** Every N and size; the checks are in {@link #checks()} afterwards. */
    List<MetricsCostResult> run() throws Exception {
        if (!server.switchboardAvailable()) {
            return List.of();
        }
        List<MetricsCostResult> results = new ArrayList<>();
        for (int n : settings.subscriberCounts()) {
            results.addAll(run(n));
        }
        return results;
    }

    /** What the server's metrics said about each endpoint, per N. */
    List<MetricsCostResult.Check> checks() {
        return checks;
    }

    private List<MetricsCostResult> run(int n) throws Exception {
        Side on = new Side(true, SubscriberEndpoint.class.getSimpleName(), "metrics-on-" + n);
        Side off = new Side(false, SubscriberNoMetricsEndpoint.class.getSimpleName(), "metrics-off-" + n);
        List<Channel> channels = new ArrayList<>();
        List<MetricsCostResult> results = new ArrayList<>();
        try {
            channels.addAll(server.clients().connectAll(server.uri("bench/sub/" + on.room), n, i -> on.deliveries));
            channels.addAll(
                    server.clients().connectAll(server.uri("bench/sub-nometrics/" + off.room), n, i -> off.deliveries));
            for (Side side : List.of(on, off)) {
                server.awaitSubscribers(side.room, n, SETTLE_MILLIS);
                side.publisher = server.publisher(side.room);
            }
            Map<String, Double> before = server.messagesSent();
            for (int size : settings.sizes()) {
                results.addAll(scenario(n, size, on, off));
            }
            server.awaitProcessed(on.room, SETTLE_MILLIS);
            Thread.sleep(500);
            Map<String, Double> after = server.messagesSent();
            String backend = server.metricsBackend();
            for (Side side : List.of(on, off)) {
                Double now = after.get(side.endpointId);
                double recorded = now == null ? Double.NaN : now - before.getOrDefault(side.endpointId, 0.0);
                checks.add(
                        new MetricsCostResult.Check(server.name(), backend, side.endpointId, side.delivered, recorded));
                log(
                        "N=%d, metrics %s (%s): %d delivered, switchboard_messages_sent_total grew by %s; backend: %s",
                        n,
                        side.label(),
                        side.endpointId,
                        side.delivered,
                        Double.isNaN(recorded) ? "– (no series)" : String.format("%.0f", recorded),
                        backend);
            }
        } finally {
            ClientGroup.closeAll(channels);
            server.awaitSubscribers(on.room, 0, SETTLE_MILLIS);
            server.awaitSubscribers(off.room, 0, SETTLE_MILLIS);
        }
        return results;
    }

    private List<MetricsCostResult> scenario(int n, int size, Side on, Side off) throws Exception {
        int messages = Math.max(5, Math.min(500, settings.metricsBurst() / n));
        List<Side> sides = List.of(on, off);
        sides.forEach(Side::reset);
        log("N=%d, %d B: warming up (%d messages per burst)", n, size, messages);
        for (Side side : sides) {
            burst(side, n, size, messages);
        }
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            for (Side side : order(cycle, on, off)) {
                FanOutBench.Burst burst = burst(side, n, size, messages);
                side.rates.add(burst.complete() ? burst.deliveriesPerSecond() : Double.NaN);
                side.cpu.add(burst.cpuMicrosPerDelivery());
                if (!burst.complete()) {
                    side.incomplete++;
                }
                log(
                        "N=%d, %d B, cycle %d, metrics %s: %d deliveries/s, %.3f µs CPU/delivery%s",
                        n,
                        size,
                        cycle,
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
                    FanOutBench.Latency latency = rounds.latency(
                            side.room, n, size, fixedRate / n, Mode.SWITCHBOARD, side.deliveries, side.publisher);
                    side.delivered += side.deliveries.received();
                    side.p50.add(latency.p50());
                    side.p99.add(latency.p99());
                    side.cpuFixed.add(latency.cpuMicrosPerDelivery());
                    if (!latency.complete()) {
                        side.incomplete++;
                    }
                    log(
                            "N=%d, %d B, cycle %d, metrics %s at %.0f deliveries/s: p50 %.2f ms, p99 %.2f ms, "
                                    + "%.3f µs CPU/delivery%s",
                            n,
                            size,
                            cycle,
                            side.label(),
                            fixedRate,
                            latency.p50(),
                            latency.p99(),
                            latency.cpuMicrosPerDelivery(),
                            latency.complete() ? "" : " (INCOMPLETE)");
                }
            }
        }
        List<MetricsCostResult> results = new ArrayList<>();
        for (Side side : sides) {
            results.add(new MetricsCostResult(
                    server.name(),
                    n,
                    size,
                    side.metricsOn,
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
                rounds.burst(side.room, n, size, messages, Mode.SWITCHBOARD, side.deliveries, side.publisher);
        side.delivered += side.deliveries.received();
        return burst;
    }

    private void log(String format, Object... args) {
        BenchMain.log(server.name() + ": metrics cost: " + String.format(format, args));
    }
}
