package io.switchboard.bench;

import io.switchboard.bench.report.Spread;
import io.switchboard.redis.RedisServer;
import java.util.ArrayList;
import java.util.List;

/**
 * What room history costs per broadcast ({@code parts=history}): N subscribers of {@code HistoryOffEndpoint} (A:
 * no history, {@code RoomService.broadcast}) and N of {@code HistoryOnEndpoint} (B: {@code @RoomHistory}, {@code
 * broadcastWithPosition} writing the position into the message, which keeps its length), all connected at once in
 * two rooms of the same servers, each room with its own publisher on the first server. Burst rounds of {@code
 * historyBurst / N} broadcasts alternate, A then B in odd cycles and B then A in even ones, after unmeasured warm-up
 * bursts. With Redis, its CPU and commands are read around each round.
 */
final class HistoryCostBench {

    private static final int WARM_UP_BURSTS = 3;

    private final BenchSettings settings;

    /** @param settings historySubs, historySize, historyBurst, cycles */
    HistoryCostBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** One endpoint's rounds. */
    private static final class Side {
        final boolean withHistory;
        final String history;
        final ClusterConfiguration configuration;
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        long broadcasts;
        double redisCpuMicros;
        long redisCommands;
        long redisScripts;
        long redisRounds;
        long redisRoundNanos;
        int incomplete;

        Side(boolean withHistory, String history, ClusterConfiguration configuration) {
            this.withHistory = withHistory;
            this.history = history;
            this.configuration = configuration;
        }

        String label() {
            return withHistory ? "B (history)" : "A (none)";
        }
    }

    /**
     * Measures A and B on these servers.
     *
     * @param configuration the row's name
     * @param servers       the servers, the publishers' first
     * @param redis         the Redis their backplane uses, or {@code null}
     * @param history       where B's history lives, for the table
     * @param tag           makes the rooms' names unique on these servers
     * @return A's row, then B's
     */
    List<HistoryCostResult> run(
            String configuration, List<ServerUnderTest> servers, RedisServer redis, String history, String tag)
            throws Exception {
        int n = settings.historySubscribers();
        int size = settings.historySize();
        int messages = settings.historyBurstMessages(n);
        if (!servers.get(0).switchboardAvailable()) {
            return List.of();
        }
        try (ClusterConfiguration a = ClusterConfiguration.connect(
                        configuration + ", A", "bench/history/off/", 'c', "history-off-" + tag, n, servers);
                ClusterConfiguration b = ClusterConfiguration.connect(
                        configuration + ", B", "bench/history/on/", 'h', "history-on-" + tag, n, servers)) {
            Side off = new Side(false, "none", a);
            Side on = new Side(true, history, b);
            log(
                    configuration,
                    "N=%d, %d B: warming up (%d bursts of %d broadcasts each)",
                    n,
                    size,
                    WARM_UP_BURSTS,
                    messages);
            for (int i = 0; i < WARM_UP_BURSTS; i++) {
                a.burst(messages, size);
                b.burst(messages, size);
            }
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                for (Side side : cycle % 2 == 1 ? List.of(off, on) : List.of(on, off)) {
                    burst(configuration, side, redis, n, size, messages, cycle);
                }
            }
            List<HistoryCostResult> results = new ArrayList<>();
            for (Side side : List.of(off, on)) {
                if (side.redisRounds > 0) {
                    RedisStats idle = idleRedis(redis, side.redisRoundNanos / side.redisRounds);
                    side.redisCpuMicros -= side.redisRounds * idle.cpuMicros();
                    side.redisCommands -= side.redisRounds * idle.commands();
                }
                boolean measured = redis != null && side.broadcasts > 0;
                results.add(new HistoryCostResult(
                        configuration,
                        servers.size(),
                        side.withHistory,
                        side.history,
                        n,
                        size,
                        messages,
                        Spread.of(side.rates),
                        Spread.of(side.cpu),
                        measured ? side.redisCpuMicros / side.broadcasts : Double.NaN,
                        measured ? (double) side.redisCommands / side.broadcasts : Double.NaN,
                        measured ? (double) side.redisScripts / side.broadcasts : Double.NaN,
                        side.incomplete));
            }
            return results;
        }
    }

    private void burst(String configuration, Side side, RedisServer redis, int n, int size, int messages, int cycle)
            throws Exception {
        long started = System.nanoTime();
        RedisStats before = redis == null ? null : RedisStats.read(redis);
        ClusterConfiguration.Burst burst = side.configuration.burst(messages, size);
        String redisNote = "";
        if (before != null) {
            RedisStats used = RedisStats.read(redis).since(before);
            side.broadcasts += messages;
            side.redisCpuMicros += used.cpuMicros();
            side.redisCommands += used.commands();
            side.redisScripts += used.scripts();
            side.redisRounds++;
            side.redisRoundNanos += System.nanoTime() - started;
            redisNote = String.format(
                    "; Redis: %d commands (%d scripts), %.0f µs CPU for %d broadcasts",
                    used.commands(), used.scripts(), used.cpuMicros(), messages);
        }
        side.rates.add(burst.complete() ? burst.deliveriesPerSecond() : Double.NaN);
        side.cpu.add(burst.cpuMicrosPerDelivery());
        if (!burst.complete()) {
            side.incomplete++;
        }
        log(
                configuration,
                "N=%d, %d B, cycle %d, %s: %d deliveries/s, %.3f µs CPU/delivery%s%s",
                n,
                size,
                cycle,
                side.label(),
                Math.round(burst.deliveriesPerSecond()),
                burst.cpuMicrosPerDelivery(),
                redisNote,
                burst.complete() ? "" : " (INCOMPLETE: timed out)");
    }

    /**
     * What Redis does over as long as a round without broadcasts (the nodes' own traffic, Redis's timers): the median
     * CPU and commands of three looks.
     */
    private static RedisStats idleRedis(RedisServer redis, long roundNanos) throws Exception {
        List<Double> cpu = new ArrayList<>();
        List<Double> commands = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RedisStats before = RedisStats.read(redis);
            Thread.sleep(Math.max(1, roundNanos / 1_000_000));
            RedisStats idle = RedisStats.read(redis).since(before);
            cpu.add(idle.cpuMicros());
            // with the INFO of the first reading, as a round's count has it
            commands.add((double) idle.commands());
        }
        return new RedisStats(
                0, Spread.of(cpu).median(), Math.round(Spread.of(commands).median()), 0);
    }

    private static void log(String configuration, String format, Object... args) {
        BenchMain.log("history cost, " + configuration + ": " + String.format(format, args));
    }
}
