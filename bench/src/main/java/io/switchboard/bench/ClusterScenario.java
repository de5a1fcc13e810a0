package io.switchboard.bench;

import io.switchboard.bench.report.Spread;
import io.switchboard.redis.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One N and size of the cluster part: configurations A (one node) and B (two nodes through Redis) alternate, A, B,
 * A, B, ...: first one unmeasured burst each, then burst rounds, then fixed-rate rounds at half the slower
 * configuration's median burst rate, the same rate for both, so that B's latency is not measured nearer its limit
 * than A's. Redis's counters are read just before and after each of B's burst rounds.
 */
final class ClusterScenario {

    /**
     * Unmeasured bursts per configuration before the first measured one. More than the fan-out bench's one: the
     * part starts three fresh JVMs, and B's per-delivery work is split over two of them, each compiling it apart.
     */
    private static final int WARM_UP_BURSTS = 5;

    private final BenchSettings settings;
    private final RedisServer redis;
    private final List<Rounds> configurations;

    /**
     * @param settings cycles, clusterBurst, latencyMillis
     * @param redis    the Redis the clustered configuration publishes through
     * @param a        the reference, one node
     * @param b        the cluster
     */
    ClusterScenario(BenchSettings settings, RedisServer redis, ClusterConfiguration a, ClusterConfiguration b) {
        this.settings = settings;
        this.redis = redis;
        this.configurations = List.of(new Rounds(a), new Rounds(b));
    }

    /** What one configuration's rounds measured, round by round. */
    private static final class Rounds {
        final ClusterConfiguration configuration;
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<List<Double>> cpuOwn = new ArrayList<>();
        final List<Double> user = new ArrayList<>();
        final List<Double> system = new ArrayList<>();
        final List<Double> writes = new ArrayList<>();
        final List<List<Double>> p50 = new ArrayList<>();
        final List<List<Double>> p99 = new ArrayList<>();
        final List<List<Double>> firstP50 = new ArrayList<>();
        final List<Double> addedP50 = new ArrayList<>();
        final List<Double> addedFirstP50 = new ArrayList<>();
        final List<Double> cpuFixed = new ArrayList<>();
        long publishes;
        long broadcasts;
        double redisCpuMicros;
        long redisRounds;
        long redisRoundNanos;
        int incomplete;

        Rounds(ClusterConfiguration configuration) {
            this.configuration = configuration;
            for (int i = 0; i < configuration.nodeCount(); i++) {
                cpuOwn.add(new ArrayList<>());
                p50.add(new ArrayList<>());
                p99.add(new ArrayList<>());
                firstP50.add(new ArrayList<>());
            }
        }

        boolean clustered() {
            return configuration.nodeCount() > 1;
        }
    }

    /** Measures, and returns A's row then B's. */
    List<ClusterResult> run(int n, int size) throws Exception {
        // Longer rounds than the fan-out bench's: B's CPU is read from two processes in 10 ms ticks, and this
        // machine's noise averages out better over seconds than over a fraction of one.
        int messages = settings.clusterBurstMessages(n);
        log("N=%d, %d B: warming up (%d bursts of %d messages each)", n, size, WARM_UP_BURSTS, messages);
        for (int i = 0; i < WARM_UP_BURSTS; i++) {
            for (Rounds rounds : configurations) {
                rounds.configuration.burst(messages, size);
            }
        }
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            for (Rounds rounds : configurations) {
                burst(rounds, n, size, messages, cycle);
            }
        }
        for (Rounds rounds : configurations) {
            if (rounds.redisRounds > 0) {
                rounds.redisCpuMicros -=
                        rounds.redisRounds * idleRedisMicros(rounds.redisRoundNanos / rounds.redisRounds);
            }
        }
        double fixedRate = Double.NaN;
        for (Rounds rounds : configurations) {
            double half = Spread.of(rounds.rates).median() / 2;
            fixedRate = Double.isNaN(fixedRate) ? half : Math.min(fixedRate, half);
        }
        if (!Double.isNaN(fixedRate)) {
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                for (Rounds rounds : configurations) {
                    latency(rounds, n, size, fixedRate, cycle);
                }
            }
        }
        List<ClusterResult> results = new ArrayList<>();
        for (Rounds r : configurations) {
            boolean clustered = r.clustered() && r.broadcasts > 0;
            results.add(new ClusterResult(
                    r.configuration.label(),
                    r.configuration.nodeCount(),
                    n,
                    size,
                    Spread.of(r.rates),
                    Spread.of(r.cpu),
                    r.cpuOwn.stream().map(Spread::of).toList(),
                    Spread.of(r.user),
                    Spread.of(r.system),
                    Spread.of(r.writes),
                    fixedRate,
                    r.p50.stream().map(Spread::of).toList(),
                    r.p99.stream().map(Spread::of).toList(),
                    Spread.of(r.addedP50),
                    r.firstP50.stream().map(Spread::of).toList(),
                    Spread.of(r.addedFirstP50),
                    Spread.of(r.cpuFixed),
                    clustered ? (double) r.publishes / r.broadcasts : Double.NaN,
                    clustered ? r.redisCpuMicros / r.broadcasts : Double.NaN,
                    r.incomplete));
        }
        return results;
    }

    private void burst(Rounds rounds, int n, int size, int messages, int cycle) throws Exception {
        long started = System.nanoTime();
        RedisStats before = rounds.clustered() ? RedisStats.read(redis) : null;
        ClusterConfiguration.Burst burst = rounds.configuration.burst(messages, size);
        String redisNote = "";
        if (before != null) {
            RedisStats used = RedisStats.read(redis).since(before);
            rounds.publishes += used.publishes();
            rounds.broadcasts += messages;
            rounds.redisCpuMicros += used.cpuMicros();
            rounds.redisRounds++;
            rounds.redisRoundNanos += System.nanoTime() - started;
            redisNote = String.format(", %d PUBLISH for %d broadcasts", used.publishes(), messages);
        }
        rounds.rates.add(burst.complete() ? burst.deliveriesPerSecond() : Double.NaN);
        rounds.cpu.add(burst.cpuMicrosPerDelivery());
        for (int i = 0; i < rounds.cpuOwn.size(); i++) {
            rounds.cpuOwn.get(i).add(burst.cpuMicrosPerOwnDelivery().get(i));
        }
        rounds.user.add(burst.userMicrosPerDelivery());
        rounds.system.add(burst.systemMicrosPerDelivery());
        rounds.writes.add(burst.writesPerDelivery());
        if (!burst.complete()) {
            rounds.incomplete++;
        }
        log(
                "N=%d, %d B, cycle %d, %s: %d deliveries/s, %.2f µs CPU/delivery (user %.2f, kernel %.2f; per own "
                        + "delivery: %s), %.3f writes/delivery%s%s",
                n,
                size,
                cycle,
                rounds.configuration.label(),
                Math.round(burst.deliveriesPerSecond()),
                burst.cpuMicrosPerDelivery(),
                burst.userMicrosPerDelivery(),
                burst.systemMicrosPerDelivery(),
                joined(burst.cpuMicrosPerOwnDelivery()),
                burst.writesPerDelivery(),
                redisNote,
                burst.complete() ? "" : " (INCOMPLETE: timed out)");
    }

    /**
     * What Redis spends, with no broadcast, over a stretch as long as a burst round and its two readings: its own
     * timer (10 times a second), the nodes' heartbeats, and the two {@code INFO all} themselves (about half a
     * millisecond each). The median of three such stretches is taken off every burst round's Redis CPU, so that
     * what is left is the broadcasts'.
     */
    private double idleRedisMicros(long roundNanos) throws Exception {
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RedisStats before = RedisStats.read(redis);
            Thread.sleep(Math.max(1, roundNanos / 1_000_000));
            idle.add(RedisStats.read(redis).since(before).cpuMicros());
        }
        double median = Spread.of(idle).median();
        log("Redis CPU without broadcasts over %d ms: %.0f µs (median of 3)", roundNanos / 1_000_000, median);
        return median;
    }

    private void latency(Rounds rounds, int n, int size, double fixedRate, int cycle) throws Exception {
        ClusterConfiguration.Latency latency = rounds.configuration.latency(
                fixedRate / n, settings.latencyDuration().toNanos(), size);
        for (int i = 0; i < rounds.p50.size(); i++) {
            rounds.p50.get(i).add(latency.p50().get(i));
            rounds.p99.get(i).add(latency.p99().get(i));
            rounds.firstP50.get(i).add(latency.firstP50().get(i));
        }
        if (rounds.clustered()) {
            // Within one round, so that what both nodes share (the publisher, the load) cancels out.
            rounds.addedP50.add(latency.p50().get(1) - latency.p50().get(0));
            rounds.addedFirstP50.add(
                    latency.firstP50().get(1) - latency.firstP50().get(0));
        }
        rounds.cpuFixed.add(latency.cpuMicrosPerDelivery());
        if (!latency.complete()) {
            rounds.incomplete++;
        }
        log(
                "N=%d, %d B, cycle %d, %s at %.0f deliveries/s: p50 %s ms, p99 %s ms, first delivery p50 %s ms (by "
                        + "node), %.2f µs CPU/delivery%s",
                n,
                size,
                cycle,
                rounds.configuration.label(),
                fixedRate,
                joined(latency.p50()),
                joined(latency.p99()),
                joined(latency.firstP50()),
                latency.cpuMicrosPerDelivery(),
                latency.complete() ? "" : " (INCOMPLETE)");
    }

    private static String joined(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).collect(Collectors.joining(" / "));
    }

    private static void log(String format, Object... args) {
        BenchMain.log("cluster: " + String.format(format, args));
    }
}
