package io.switchboard.bench;

import io.switchboard.bench.client.ClientGroup;
import io.switchboard.redis.RedisServer;
import io.switchboard.spi.SharedHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The history part's measurements on servers of its own, Tyrus standalone only, after the per-server parts (which
 * measure history's cost in memory on each server of {@code servers}):
 *
 * <ol>
 *   <li>the resume after a <b>drop</b>: one server without a backplane (history in its memory), whose sessions it
 *       closes with 1012, R against S ({@link ResumeBench});</li>
 *   <li>with Redis ({@code redis-server} installed): history's cost per broadcast with {@code
 *       switchboard.backplane=redis} on one node, then on two ({@link HistoryCostBench});</li>
 *   <li>the resume after a <b>restart</b> of that node's JVM on the same port, R against S, when the Redis backplane
 *       keeps history ({@link SharedHistory}), so that it survives the restart. With history in memory a restart
 *       loses it (new epoch): R would fall back to S, which is not measured.</li>
 * </ol>
 */
final class HistoryBench {

    static final String DROP = "drop: the server closes every session with 1012";
    static final String RESTART = "restart: the clients' node killed (SIGKILL) and started again on its port; the "
            + "publishers broadcast through node 2 throughout";

    /**
     * The restart rounds' rooms keep 1,000 broadcasts: the node is down for seconds while node 2 goes on
     * broadcasting, longer than 100 broadcasts last at 20 a second. Snapshots still hold the last 100.
     */
    static final String RESTART_HISTORY = "-Dswitchboard.ResumeEndpoint.history.size=1000";

    private final BenchSettings settings;
    private final Path workDir;
    private final ClientGroup clients;
    private final List<HistoryCostResult> cost = new ArrayList<>();
    private final List<ResumeResult> resume = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param settings the run's settings
     * @param workDir  the servers' logs and Redis's files go below it
     * @param clients  the load generator's connections
     */
    HistoryBench(BenchSettings settings, Path workDir, ClientGroup clients) {
        this.settings = settings;
        this.workDir = workDir;
        this.clients = clients;
    }

    /** Runs what it can; what failed is in {@link #problems()}, what was left out in {@link #notes()}. */
    void run() {
        try (ResumeBench bench = new ResumeBench(settings, clients)) {
            try {
                measure(bench);
            } finally {
                problems.addAll(bench.problems());
            }
        }
    }

    private void measure(ResumeBench bench) {
        try (ResumeNode node = ResumeNode.start(
                "Tyrus standalone", workDir.resolve("in-memory"), settings.serverJvm(), clients, false)) {
            resume.addAll(bench.run(node, false, null, DROP, "in the server's memory", true, null));
        } catch (Exception | Error e) {
            failed("resume after a drop", e);
        }
        if (!RedisServer.installed()) {
            notes.add("history: redis-server and redis-cli are not installed (apt-get install redis-server); the "
                    + "rows through Redis and the restart are not measured");
            return;
        }
        boolean shared = sharedHistory();
        String history = shared ? "Redis stream" : "each node's memory (this Redis backplane keeps none)";
        if (!shared) {
            notes.add("history: this build's RedisBackplane does not implement SharedHistory, so with "
                    + "switchboard.backplane=redis each node keeps history in its own memory; the restart rounds "
                    + "(which need history to survive the node) are not measured");
        }
        try (RedisServer redis = RedisServer.start(workDir.resolve("redis"));
                ResumeNode first = node("node 1", redis, List.of(RESTART_HISTORY))) {
            log(
                    "redis at %s; node 1 pid %d",
                    redis.uri(), first.server().process().pid());
            cost.addAll(new HistoryCostBench(settings)
                    .run("Tyrus, 1 node, backplane=redis", List.of(first.server()), redis, history, "redis-1"));
            try (ResumeNode second = node("node 2", redis, List.of())) {
                cost.addAll(new HistoryCostBench(settings)
                        .run(
                                "Tyrus, 2 nodes, backplane=redis",
                                List.of(first.server(), second.server()),
                                redis,
                                history,
                                "redis-2"));
                if (shared) {
                    resume.addAll(bench.run(first, true, redis, RESTART, "Redis stream (1,000 kept)", false, second));
                }
            }
        } catch (Exception | Error e) {
            failed("through Redis", e);
        }
    }

    private ResumeNode node(String name, RedisServer redis, List<String> properties) throws Exception {
        List<String> jvm = new ArrayList<>(settings.serverJvm());
        jvm.addAll(ClusterBench.backplane(redis));
        jvm.addAll(properties);
        return ResumeNode.start("Tyrus " + name, workDir.resolve(name.replace(' ', '-')), jvm, clients, true);
    }

    /** Whether the Redis backplane on this class path (the servers' too) keeps history. */
    static boolean sharedHistory() {
        try {
            return SharedHistory.class.isAssignableFrom(Class.forName("io.switchboard.backplane.redis.RedisBackplane"));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private void failed(String what, Throwable e) {
        problems.add("history, " + what + ": " + e);
        log("FAILED %s: %s", what, e);
        e.printStackTrace();
    }

    /** The cost rows through Redis. */
    List<HistoryCostResult> cost() {
        return cost;
    }

    /** The resume rows. */
    List<ResumeResult> resume() {
        return resume;
    }

    List<String> problems() {
        return problems;
    }

    List<String> notes() {
        return notes;
    }

    private static void log(String format, Object... args) {
        BenchMain.log("history: " + String.format(format, args));
    }
}
