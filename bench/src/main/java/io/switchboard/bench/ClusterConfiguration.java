package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Deliveries;
import io.switchboard.bench.client.Publisher;
import io.switchboard.bench.launch.ServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * One configuration of the cluster part: one or more servers, N subscribers of one room spread evenly over them,
 * the publisher on the first, and one round of Switchboard broadcasts (mode c) to all of them. Each server's
 * subscribers count into a {@link Deliveries} of their own, so that latency is seen per node: on a second node every
 * delivery has crossed Redis.
 */
final class ClusterConfiguration implements AutoCloseable {

    private static final long ROUND_TIMEOUT_MILLIS = 60_000;

    /** One server of the configuration, and its share of the subscribers. */
    private record Node(ServerUnderTest server, int subscribers, Deliveries deliveries, List<Channel> channels) {}

    /**
     * One burst round.
     *
     * @param complete              whether every subscriber had every message within the timeout
     * @param deliveriesPerSecond   deliveries on all nodes over the time until the last one arrived
     * @param cpuMicrosPerDelivery  all the servers' CPU over all deliveries, microseconds
     * @param cpuMicrosPerOwnDelivery each server's CPU over its own subscribers' deliveries, in node order
     * @param userMicrosPerDelivery all the servers' CPU in user mode over all deliveries, microseconds
     * @param systemMicrosPerDelivery all the servers' CPU in the kernel over all deliveries, microseconds
     * @param writesPerDelivery     all the servers' write system calls over all deliveries (NaN where unknown)
     * @param received              deliveries on all nodes
     */
    record Burst(
            boolean complete,
            double deliveriesPerSecond,
            double cpuMicrosPerDelivery,
            List<Double> cpuMicrosPerOwnDelivery,
            double userMicrosPerDelivery,
            double systemMicrosPerDelivery,
            double writesPerDelivery,
            long received) {}

    /**
     * One fixed-rate round.
     *
     * @param complete             whether every subscriber had every message within the timeout
     * @param p50                  latency median of each node's subscribers, ms, in node order
     * @param p99                  latency 99th percentile of each node's subscribers, ms, in node order
     * @param firstP50             latency median of each message's first delivery on each node, ms, in node order
     * @param cpuMicrosPerDelivery all the servers' CPU over all deliveries, microseconds
     */
    record Latency(
            boolean complete, List<Double> p50, List<Double> p99, List<Double> firstP50, double cpuMicrosPerDelivery) {}

    private final String label;
    private final String room;
    private final List<Node> nodes;
    private final Publisher publisher;
    private final char mode;

    private ClusterConfiguration(String label, String room, List<Node> nodes, Publisher publisher, char mode) {
        this.label = label;
        this.room = room;
        this.nodes = nodes;
        this.publisher = publisher;
        this.mode = mode;
    }

    /**
     * Connects N subscribers to a room, as evenly as they divide over the servers, and a publisher to the first.
     *
     * @param label   the configuration's name in the tables
     * @param room    the room (one per server; the backplane joins those of the same name)
     * @param n       subscribers in all
     * @param servers the servers, the publisher's first
     */
    static ClusterConfiguration connect(String label, String room, int n, List<ServerUnderTest> servers)
            throws Exception {
        return connect(label, "bench/sub/", Mode.SWITCHBOARD.code(), room, n, servers);
    }

    /**
     * Connects N subscribers of another endpoint, whose publisher sends in another mode (the history part: the
     * endpoints with and without history, broadcast with and without a position).
     *
     * @param label   the configuration's name in the tables
     * @param path    the subscribers' path before the room, such as {@code bench/history/on/}
     * @param mode    the publisher's mode character ({@code c}, {@code h})
     * @param room    the room (one per server; the backplane joins those of the same name)
     * @param n       subscribers in all
     * @param servers the servers, the publisher's first
     */
    static ClusterConfiguration connect(
            String label, String path, char mode, String room, int n, List<ServerUnderTest> servers) throws Exception {
        List<Node> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < servers.size(); i++) {
                ServerUnderTest server = servers.get(i);
                int count = n / servers.size() + (i < n % servers.size() ? 1 : 0);
                Deliveries deliveries = new Deliveries();
                List<Channel> channels = server.clients().connectAll(server.uri(path + room), count, c -> deliveries);
                nodes.add(new Node(server, count, deliveries, channels));
                server.awaitSubscribers(room, count, 30_000);
            }
            return new ClusterConfiguration(
                    label, room, List.copyOf(nodes), servers.get(0).publisher(room), mode);
        } catch (Exception | Error e) {
            nodes.forEach(node -> ClientGroup.closeAll(node.channels()));
            throw e;
        }
    }

    String label() {
        return label;
    }

    int nodeCount() {
        return nodes.size();
    }

    /** One burst of {@code messages} broadcasts as fast as the publisher's connection takes them. */
    Burst burst(int messages, int size) throws Exception {
        ServerUnderTest first = settle();
        int round = first.nextRound();
        List<CompletableFuture<Long>> done = new ArrayList<>();
        for (Node node : nodes) {
            done.add(node.deliveries().begin(round, (long) messages * node.subscribers(), false));
        }
        ServerProcess.Usage[] usage0 = usage();
        long start = System.nanoTime();
        publisher.burst(mode, round, messages, size);
        first.published(messages);
        boolean complete = true;
        long end = start;
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(ROUND_TIMEOUT_MILLIS);
        for (int i = 0; i < nodes.size(); i++) {
            try {
                end = Math.max(end, done.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                complete = false;
                end = Math.max(end, nodes.get(i).deliveries().lastArrival());
            }
        }
        ServerProcess.Usage[] usage1 = usage();
        long received = 0;
        long user = 0;
        long system = 0;
        long writes = 0;
        List<Double> own = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            long mine = nodes.get(i).deliveries().received();
            received += mine;
            long nodeUser = usage1[i].userNanos() - usage0[i].userNanos();
            long nodeSystem = usage1[i].systemNanos() - usage0[i].systemNanos();
            own.add((nodeUser + nodeSystem) / 1e3 / Math.max(1, mine));
            user += nodeUser;
            system += nodeSystem;
            writes = writes < 0 || usage0[i].writeCalls() < 0
                    ? -1
                    : writes + usage1[i].writeCalls() - usage0[i].writeCalls();
        }
        double perDelivery = 1.0 / Math.max(1, received);
        return new Burst(
                complete,
                received * 1e9 / Math.max(1, end - start),
                (user + system) / 1e3 * perDelivery,
                own,
                user / 1e3 * perDelivery,
                system / 1e3 * perDelivery,
                writes < 0 ? Double.NaN : writes * perDelivery,
                received);
    }

    /** One round at {@code messagesPerSecond} broadcasts for {@code durationNanos}, every delivery timed. */
    Latency latency(double messagesPerSecond, long durationNanos, int size) throws Exception {
        ServerUnderTest first = settle();
        int round = first.nextRound();
        List<CompletableFuture<Long>> done = new ArrayList<>();
        for (Node node : nodes) {
            done.add(node.deliveries().begin(round, Long.MAX_VALUE, true));
        }
        long[] cpu0 = cpuNanos();
        int sent = publisher.paced(mode, round, messagesPerSecond, durationNanos, size);
        first.published(sent);
        for (Node node : nodes) {
            node.deliveries().expect((long) sent * node.subscribers());
        }
        boolean complete = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ROUND_TIMEOUT_MILLIS);
        for (CompletableFuture<Long> each : done) {
            try {
                each.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                complete = false;
            }
        }
        long[] cpu1 = cpuNanos();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> firstP50 = new ArrayList<>();
        long received = 0;
        for (Node node : nodes) {
            Histogram micros = node.deliveries().latencies();
            p50.add(micros.getValueAtPercentile(50) / 1e3);
            p99.add(micros.getValueAtPercentile(99) / 1e3);
            firstP50.add(node.deliveries().firstLatencies().getValueAtPercentile(50) / 1e3);
            received += node.deliveries().received();
        }
        return new Latency(complete, p50, p99, firstP50, (sum(cpu1) - sum(cpu0)) / 1e3 / Math.max(1, received));
    }

    /**
     * Waits until the publisher's server has handled every publisher message, then a moment for the last writes.
     * The other nodes have no such count, but a round ends only once their subscribers have had everything.
     */
    private ServerUnderTest settle() throws InterruptedException {
        ServerUnderTest first = nodes.get(0).server();
        if (!first.awaitProcessed(room, ROUND_TIMEOUT_MILLIS)) {
            BenchMain.log(label + ": " + first.name() + " still busy after " + ROUND_TIMEOUT_MILLIS / 1000 + " s");
        }
        Thread.sleep(200);
        return first;
    }

    private ServerProcess.Usage[] usage() {
        ServerProcess.Usage[] usage = new ServerProcess.Usage[nodes.size()];
        for (int i = 0; i < usage.length; i++) {
            usage[i] = nodes.get(i).server().process().usage();
        }
        return usage;
    }

    private long[] cpuNanos() {
        long[] cpu = new long[nodes.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = nodes.get(i).server().process().cpuNanos();
        }
        return cpu;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    /** Closes the subscribers and waits until every server counts none. */
    @Override
    public void close() throws InterruptedException {
        for (Node node : nodes) {
            ClientGroup.closeAll(node.channels());
        }
        for (Node node : nodes) {
            node.server().awaitSubscribers(room, 0, 30_000);
        }
    }
}
