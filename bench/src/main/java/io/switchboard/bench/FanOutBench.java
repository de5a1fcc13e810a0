package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Deliveries;
import io.switchboard.bench.client.Publisher;
import io.switchboard.bench.report.Spread;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The fan-out scenarios on one server: N subscribers in one room, the same connections for every mode and size;
 * first burst rounds (throughput, CPU per delivery), then fixed-rate rounds at half the async loop's burst
 * rate (latency), each in interleaved cycles.
 */
final class FanOutBench {

    private static final long ROUND_TIMEOUT_MILLIS = 60_000;

    private final ServerUnderTest server;
    private final BenchSettings settings;
    private final List<Mode> modes;

    FanOutBench(ServerUnderTest server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
        this.modes = settings.modes(server.switchboardAvailable());
    }

    /** Runs every size for N subscribers. */
    List<FanOutResult> run(int subscribers) throws Exception {
        String room = "fan" + subscribers;
        Deliveries deliveries = new Deliveries();
        List<Channel> channels =
                server.clients().connectAll(server.uri("bench/sub/" + room), subscribers, i -> deliveries);
        List<FanOutResult> results = new ArrayList<>();
        try {
            server.awaitSubscribers(room, subscribers, 30_000);
            Publisher publisher = server.publisher(room);
            for (int size : settings.sizes()) {
                results.addAll(scenario(room, subscribers, size, deliveries, publisher));
            }
        } finally {
            ClientGroup.closeAll(channels);
            server.awaitSubscribers(room, 0, 30_000);
        }
        return results;
    }

    private List<FanOutResult> scenario(String room, int n, int size, Deliveries deliveries, Publisher publisher)
            throws Exception {
        int messages = settings.burstMessages(n);
        log("N=%d, %d B: warming up", n, size);
        for (Mode mode : modes) {
            burst(room, n, size, messages, mode, deliveries, publisher);
        }
        Map<Mode, List<Double>> rates = lists();
        Map<Mode, List<Double>> cpu = lists();
        Map<Mode, Integer> incomplete = new EnumMap<>(Mode.class);
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            for (Mode mode : modes) {
                Burst burst = burst(room, n, size, messages, mode, deliveries, publisher);
                rates.get(mode).add(burst.complete ? burst.deliveriesPerSecond : Double.NaN);
                cpu.get(mode).add(burst.cpuMicrosPerDelivery);
                if (!burst.complete) {
                    incomplete.merge(mode, 1, Integer::sum);
                }
                log(
                        "N=%d, %d B, cycle %d, %s: %s deliveries/s, %.2f µs CPU/delivery%s",
                        n,
                        size,
                        cycle,
                        mode.label(),
                        Math.round(burst.deliveriesPerSecond),
                        burst.cpuMicrosPerDelivery,
                        burst.complete ? "" : " (INCOMPLETE: timed out)");
            }
        }
        double fixedRate = Spread.of(rates.get(Mode.ASYNC)).median() / 2;
        Map<Mode, List<Double>> p50 = lists();
        Map<Mode, List<Double>> p99 = lists();
        Map<Mode, List<Double>> max = lists();
        Map<Mode, List<Double>> cpuFixed = lists();
        if (!Double.isNaN(fixedRate)) {
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                for (Mode mode : modes) {
                    Latency latency = latency(room, n, size, fixedRate / n, mode, deliveries, publisher);
                    p50.get(mode).add(latency.p50);
                    p99.get(mode).add(latency.p99);
                    max.get(mode).add(latency.max);
                    cpuFixed.get(mode).add(latency.cpuMicrosPerDelivery);
                    if (!latency.complete) {
                        incomplete.merge(mode, 1, Integer::sum);
                    }
                    log(
                            "N=%d, %d B, cycle %d, %s at %.0f deliveries/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms, "
                                    + "%.2f µs CPU/delivery%s",
                            n,
                            size,
                            cycle,
                            mode.label(),
                            fixedRate,
                            latency.p50,
                            latency.p99,
                            latency.max,
                            latency.cpuMicrosPerDelivery,
                            latency.complete ? "" : " (INCOMPLETE)");
                }
            }
        }
        List<FanOutResult> results = new ArrayList<>();
        for (Mode mode : modes) {
            results.add(new FanOutResult(
                    server.name(),
                    n,
                    size,
                    mode,
                    Spread.of(rates.get(mode)),
                    Spread.of(cpu.get(mode)),
                    fixedRate,
                    Spread.of(p50.get(mode)),
                    Spread.of(p99.get(mode)),
                    Spread.of(max.get(mode)),
                    Spread.of(cpuFixed.get(mode)),
                    incomplete.getOrDefault(mode, 0)));
        }
        return results;
    }

    /** One burst round: whether it completed, deliveries per second, server CPU µs per delivery. */
    record Burst(boolean complete, double deliveriesPerSecond, double cpuMicrosPerDelivery) {}

    /** One burst round of {@code messages} messages in a mode to the room's N subscribers (also for other benches). */
    Burst burst(String room, int n, int size, int messages, Mode mode, Deliveries deliveries, Publisher publisher)
            throws Exception {
        settle(room);
        int round = server.nextRound();
        long target = (long) messages * n;
        CompletableFuture<Long> done = deliveries.begin(round, target, false);
        long cpu0 = server.process().cpuNanos();
        long start = System.nanoTime();
        publisher.burst(mode.code(), round, messages, size);
        server.published(messages);
        boolean complete = true;
        long end;
        try {
            end = done.get(ROUND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            complete = false;
            end = deliveries.lastArrival();
        }
        long cpu1 = server.process().cpuNanos();
        long received = deliveries.received();
        return new Burst(
                complete, received * 1e9 / Math.max(1, end - start), (cpu1 - cpu0) / 1e3 / Math.max(1, received));
    }

    /** One fixed-rate round: whether it completed, latency percentiles in ms, server CPU µs per delivery. */
    record Latency(boolean complete, double p50, double p99, double max, double cpuMicrosPerDelivery) {}

    /** One fixed-rate round at {@code messagesPerSecond} in a mode (also for other benches). */
    Latency latency(
            String room,
            int n,
            int size,
            double messagesPerSecond,
            Mode mode,
            Deliveries deliveries,
            Publisher publisher)
            throws Exception {
        settle(room);
        int round = server.nextRound();
        CompletableFuture<Long> done = deliveries.begin(round, Long.MAX_VALUE, true);
        long cpu0 = server.process().cpuNanos();
        int sent = publisher.paced(
                mode.code(),
                round,
                messagesPerSecond,
                settings.latencyDuration().toNanos(),
                size);
        server.published(sent);
        deliveries.expect((long) sent * n);
        boolean complete = true;
        try {
            done.get(ROUND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            complete = false;
        }
        long cpu1 = server.process().cpuNanos();
        Histogram micros = deliveries.latencies();
        return new Latency(
                complete,
                micros.getValueAtPercentile(50) / 1e3,
                micros.getValueAtPercentile(99) / 1e3,
                micros.getMaxValue() / 1e3,
                (cpu1 - cpu0) / 1e3 / Math.max(1, deliveries.received()));
    }

    /** Waits until the server handled every publisher message, then a moment for the last writes. */
    private void settle(String room) throws InterruptedException {
        if (!server.awaitProcessed(room, ROUND_TIMEOUT_MILLIS)) {
            log("server still busy after %d s", ROUND_TIMEOUT_MILLIS / 1000);
        }
        Thread.sleep(200);
    }

    private static Map<Mode, List<Double>> lists() {
        Map<Mode, List<Double>> lists = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            lists.put(mode, new ArrayList<>());
        }
        return lists;
    }

    private void log(String format, Object... args) {
        BenchMain.log(server.name() + ": " + String.format(format, args));
    }
}
