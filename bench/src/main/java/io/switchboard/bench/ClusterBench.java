package io.switchboard.bench;

import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.launch.ServerProcess;
import io.switchboard.bench.launch.TyrusLauncher;
import io.switchboard.redis.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two Tyrus nodes through Redis against one node, on Tyrus standalone: one {@code redis-server} (127.0.0.1), one
 * server without a backplane (configuration A: N subscribers and the publisher on it) and two servers with
 * {@code switchboard.backplane=redis} (configuration B: N/2 subscribers on each, the publisher on the first, so
 * that the second node's deliveries cross Redis). All three run for the whole part, each in its own JVM; A and B
 * alternate round by round (burst rounds, then fixed-rate rounds at one rate for both), on the same connections.
 */
final class ClusterBench {

    /** The backplane's key and channel prefix in the part's Redis. */
    static final String PREFIX = "bench";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int WARM_UP_BROADCASTS = 10_000;
    /** Per node: more than the 64 recipients from which a broadcast's writes are shared with the fan-out threads. */
    private static final int WARM_UP_SUBSCRIBERS = 70;

    private final BenchSettings settings;
    private final Path workDir;
    private final ClientGroup clients;

    /**
     * @param settings the run's settings: subs, sizes, cycles, clusterBurst, latencyMillis, serverJvm
     * @param workDir  Redis's directory and the three servers' logs go below it
     * @param clients  the load generator's connections
     */
    ClusterBench(BenchSettings settings, Path workDir, ClientGroup clients) {
        this.settings = settings;
        this.workDir = workDir;
        this.clients = clients;
    }

    /** Every N and size. */
    List<ClusterResult> run() throws Exception {
        List<ClusterResult> results = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(workDir);
                ServerProcess one = start("one node", "one-node", List.of());
                ServerProcess first = start("node 1", "node-1", backplane(redis));
                ServerProcess second = start("node 2", "node-2", backplane(redis));
                ServerUnderTest alone = new ServerUnderTest(one, clients);
                ServerUnderTest node1 = new ServerUnderTest(first, clients);
                ServerUnderTest node2 = new ServerUnderTest(second, clients)) {
            log(
                    "redis at %s; one node pid %d, node 1 pid %d, node 2 pid %d",
                    redis.uri(), one.pid(), first.pid(), second.pid());
            awaitConnected(redis, List.of(first, second));
            warmUp(List.of(alone), "A: one node");
            warmUp(List.of(node1, node2), "B: two nodes through Redis");
            for (int n : settings.subscriberCounts()) {
                String room = "cluster" + n;
                try (ClusterConfiguration a = ClusterConfiguration.connect("A: one node", room, n, List.of(alone));
                        ClusterConfiguration b = ClusterConfiguration.connect(
                                "B: two nodes through Redis", room, n, List.of(node1, node2))) {
                    for (int size : settings.sizes()) {
                        results.addAll(new ClusterScenario(settings, redis, a, b).run(n, size));
                    }
                }
            }
        }
        return results;
    }

    /**
     * Compiles the per-broadcast paths before anything is measured: {@value #WARM_UP_BROADCASTS} broadcasts to a
     * room of {@value #WARM_UP_SUBSCRIBERS} subscribers per node (seconds, not minutes). The scenarios' own warm-up
     * bursts send a few thousand broadcasts at most; without this, B's two fresh JVMs were still compiling the
     * backplane's code (Lettuce's encoding and decoding, the cluster's delivery) during much of the measured rounds
     * (their compiler threads took up to half of their CPU there): a one-time cost, not what a broadcast costs a
     * running cluster.
     */
    private void warmUp(List<ServerUnderTest> servers, String label) throws Exception {
        int subscribers = WARM_UP_SUBSCRIBERS * servers.size();
        log("%s: warming up with %d broadcasts to %d subscribers", label, WARM_UP_BROADCASTS, subscribers);
        try (ClusterConfiguration warm = ClusterConfiguration.connect(label, "cluster-warm-up", subscribers, servers)) {
            int perBurst = 500; // a subscriber's send queue holds 1,024
            for (int sent = 0; sent < WARM_UP_BROADCASTS; sent += perBurst) {
                warm.burst(perBurst, 64);
            }
        }
    }

    private ServerProcess start(String name, String directory, List<String> properties)
            throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(settings.serverJvm());
        jvm.addAll(properties);
        log("starting %s with %s", name, jvm);
        return TyrusLauncher.start("Tyrus " + name, workDir.resolve(directory), jvm, START_TIMEOUT);
    }

    /** The system properties (MicroProfile Config, through SmallRye) that put a node in the cluster. */
    static List<String> backplane(RedisServer redis) {
        return List.of(
                "-Dswitchboard.backplane=redis",
                "-Dswitchboard.backplane.redis.url=" + redis.uri(),
                "-Dswitchboard.backplane.redis.prefix=" + PREFIX);
    }

    /**
     * Waits until both nodes say the backplane is connected and both subscribe to the broadcast channel: before
     * that a broadcast would stay on its node (counted as dropped there) and a round would wait for nothing.
     */
    private static void awaitConnected(RedisServer redis, List<ServerProcess> nodes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String subscribers = "";
        while (System.nanoTime() < deadline) {
            subscribers = lastLine(redis.cli("PUBSUB", "NUMSUB", PREFIX + ":broadcast"));
            boolean logged = true;
            for (ServerProcess node : nodes) {
                logged &= Files.readString(node.log(), StandardCharsets.UTF_8).contains("backplane is connected");
            }
            if (logged && subscribers.equals(Integer.toString(nodes.size()))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the nodes did not join the cluster within 30 s (" + subscribers
                + " subscribers to " + PREFIX + ":broadcast); see their logs in "
                + nodes.get(0).log().getParent()
                + "/..");
    }

    private static String lastLine(String text) {
        String[] lines = text.trim().split("\n");
        return lines[lines.length - 1].trim();
    }

    private static void log(String format, Object... args) {
        BenchMain.log("cluster: " + String.format(format, args));
    }
}
