package io.switchboard.bench;

import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.launch.BenchWar;
import io.switchboard.bench.launch.PayaraLauncher;
import io.switchboard.bench.launch.ServerProcess;
import io.switchboard.bench.launch.TyrusLauncher;
import io.switchboard.bench.launch.WildFlyLauncher;
import io.switchboard.bench.report.Numbers;
import io.switchboard.bench.server.SubscriberEndpoint;
import io.switchboard.bench.tyrus.TyrusBenchServer;
import io.switchboard.redis.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmark: for each server (Tyrus standalone, then Payara Micro), starts it as a child process, measures
 * heap per idle connection, the fan-out scenarios and the slow-consumer scenario, stops it; then the cluster part
 * (its own Redis and three Tyrus servers), the history part's resume scenarios and rows through Redis (its own Tyrus
 * servers and Redis), the tracing part (two Tyrus servers of its own) and the client part (its own Tyrus server);
 * then, when asked ({@code parts=capacity}), the capacity part (N sessions on each of its own servers: Payara Micro,
 * WildFly, Tyrus standalone); and prints the tables (also written to {@code results-<time>.md} in the work
 * directory).
 *
 * <p>Arguments: {@code quick} for a smoke run, and {@code key=value} overrides (see {@link BenchSettings#parse}).
 * System properties: {@code bench.payara.jar}, {@code bench.wildfly.home} and {@code bench.workdir} (the pom sets
 * them).
 */
public final class BenchMain {

    private static final long START = System.nanoTime();

    /** The parts measured on each server of {@code servers} in turn; {@code cluster} starts servers of its own. */
    private static final List<String> PER_SERVER_PARTS =
            List.of("idle", "heartbeat", "fanout", "slow", "flood", "metrics", "gather", "history");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.parse(args);
        // Maven does not stop what exec:exec started when Maven itself is stopped: follow it out, so that the
        // shutdown hooks stop the server under test.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(143)));
        Path workDir = Path.of(System.getProperty("bench.workdir", "target/bench-run"));
        Files.createDirectories(workDir);
        log("settings: " + settings);
        checkOpenFiles(settings);
        boolean perServer = settings.parts().stream().anyMatch(PER_SERVER_PARTS::contains);
        // Assembled first, while the jars this JVM was started with are surely there.
        Path war = perServer && settings.servers().contains("payara")
                ? BenchWar.build(
                        workDir.resolve("payara").resolve("switchboard-bench.war"),
                        io.switchboard.impl.extension.SwitchboardInitializer.class)
                : null;
        Path wildflyWar = perServer && settings.servers().contains("wildfly")
                ? BenchWar.build(
                        workDir.resolve("wildfly-war").resolve("switchboard-bench.war"),
                        io.switchboard.impl.extension.SwitchboardInitializer.class,
                        BenchWar.WILDFLY_LIBRARIES)
                : null;

        List<IdleHeapResult> idle = new ArrayList<>();
        List<HeartbeatCostResult> heartbeats = new ArrayList<>();
        List<FanOutResult> fanOut = new ArrayList<>();
        List<SlowConsumerResult> slow = new ArrayList<>();
        List<FloodResult> flood = new ArrayList<>();
        List<LimiterCostResult> limiter = new ArrayList<>();
        List<FeatureCostResult> metrics = new ArrayList<>();
        List<FeatureCostResult.MetricsCheck> metricsChecks = new ArrayList<>();
        List<FeatureCostResult> gather = new ArrayList<>();
        List<FeatureCostResult.GatherCheck> gatherChecks = new ArrayList<>();
        List<FeatureCostResult> tracing = new ArrayList<>();
        List<FeatureCostResult.TracingCheck> tracingChecks = new ArrayList<>();
        List<ClusterResult> cluster = new ArrayList<>();
        List<ClientResult> client = new ArrayList<>();
        List<HistoryCostResult> historyCost = new ArrayList<>();
        List<ResumeResult> resume = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : perServer ? settings.servers() : List.<String>of()) {
            try (ClientGroup clients = new ClientGroup(settings.clientThreads());
                    ServerProcess process = start(name, settings, workDir, name.equals("wildfly") ? wildflyWar : war);
                    ServerUnderTest server = new ServerUnderTest(process, clients)) {
                log(server.name() + " runs as pid " + process.pid() + " at " + process.base()
                        + (server.switchboardAvailable() ? "" : "; no RoomService in this build: mode (c) skipped"));
                if (!server.switchboardAvailable()) {
                    notes.add(server.name() + ": RoomService not available, mode (c) not measured");
                }
                if (settings.parts().contains("idle")) {
                    idle.addAll(new IdleHeapBench(server, settings).run());
                }
                if (settings.parts().contains("heartbeat")) {
                    heartbeats.addAll(new HeartbeatCostBench(server, settings).run());
                }
                if (settings.parts().contains("fanout")) {
                    FanOutBench fan = new FanOutBench(server, settings);
                    for (int n : settings.subscriberCounts()) {
                        fanOut.addAll(fan.run(n));
                    }
                }
                if (settings.parts().contains("slow")) {
                    slow.addAll(new SlowConsumerBench(server, settings).run());
                }
                if (settings.parts().contains("flood")) {
                    flood.addAll(new FloodBench(server, settings).run());
                    limiter.addAll(new LimiterCostBench(server, settings).run());
                }
                if (settings.parts().contains("metrics") && name.equals("wildfly")) {
                    notes.add("WildFly: the metrics part reads Switchboard's counters from the control endpoint or"
                            + " /metrics, and WildFly serves them at :9990/prometheus; not measured there");
                } else if (settings.parts().contains("metrics")) {
                    MetricsCostBench cost = new MetricsCostBench(server, settings);
                    metrics.addAll(cost.run());
                    metricsChecks.addAll(cost.checks());
                }
                if (settings.parts().contains("gather")) {
                    GatherCostBench cost = new GatherCostBench(server, settings);
                    gather.addAll(cost.run());
                    gatherChecks.addAll(cost.checks());
                }
                if (settings.parts().contains("history")) {
                    historyCost.addAll(new HistoryCostBench(settings)
                            .run(server.name(), List.of(server), null, "the server's memory", "memory"));
                }
                if (clients.failedHandshakes() > 0) {
                    notes.add(server.name() + ": " + clients.failedHandshakes()
                            + " handshakes failed and were tried again (see the log above)");
                }
            } catch (Exception | Error e) {
                problems.add(name + ": " + e);
                log("FAILED on " + name + ": " + e);
                e.printStackTrace();
            }
        }

        if (settings.parts().contains("cluster")) {
            cluster(settings, workDir, cluster, problems, notes);
        }
        if (settings.parts().contains("history")) {
            history(settings, workDir, historyCost, resume, problems, notes);
        }
        if (settings.parts().contains("tracing")) {
            tracing(settings, workDir, tracing, tracingChecks, problems, notes);
        }
        if (settings.parts().contains("client")) {
            try {
                ClientBench part = new ClientBench(settings, workDir.resolve("client"));
                client.addAll(part.run());
                problems.addAll(part.problems());
            } catch (Exception | Error e) {
                problems.add("client: " + e);
                log("FAILED in the client part: " + e);
                e.printStackTrace();
            }
        }

        CapacityBench capacity = null;
        if (settings.parts().contains("capacity")) {
            capacity = new CapacityBench(
                    settings.capacity(), Math.max(1, settings.clientThreads()), workDir.resolve("capacity"));
            try {
                capacity.run();
            } catch (Exception | Error e) {
                problems.add("capacity: " + e);
                log("FAILED in the capacity part: " + e);
                e.printStackTrace();
            }
            problems.addAll(capacity.problems());
            notes.addAll(capacity.notes());
        }

        List<String> remarks = new ArrayList<>(problems);
        remarks.addAll(notes);
        String report = report(
                settings,
                idle,
                heartbeats,
                fanOut,
                slow,
                flood,
                limiter,
                metrics,
                metricsChecks,
                gather,
                gatherChecks,
                tracing,
                tracingChecks,
                cluster,
                client,
                historyCost,
                resume,
                capacity,
                remarks);
        System.out.println();
        System.out.println(report);
        Path file = workDir.resolve(
                "results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        log("written to " + file.toAbsolutePath());
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /**
     * The cluster part, after the per-server parts: on Tyrus only (the one server that starts in seconds, three
     * times over), with its own Redis and servers in {@code <workdir>/cluster}.
     */
    private static void cluster(
            BenchSettings settings,
            Path workDir,
            List<ClusterResult> results,
            List<String> problems,
            List<String> notes) {
        if (!settings.servers().contains("tyrus")) {
            notes.add("cluster: runs on Tyrus standalone only, and servers= does not name tyrus; not measured");
            return;
        }
        // In the default parts: a machine without Redis still gets the other tables, and a note instead of a failure.
        if (!RedisServer.installed()) {
            notes.add("cluster: redis-server and redis-cli are not installed (apt-get install redis-server); "
                    + "not measured");
            return;
        }
        try (ClientGroup clients = new ClientGroup(settings.clientThreads())) {
            results.addAll(new ClusterBench(settings, workDir.resolve("cluster"), clients).run());
            if (clients.failedHandshakes() > 0) {
                notes.add("cluster: " + clients.failedHandshakes()
                        + " handshakes failed and were tried again (see the log above)");
            }
        } catch (Exception | Error e) {
            problems.add("cluster: " + e);
            log("FAILED in the cluster part: " + e);
            e.printStackTrace();
        }
    }

    /**
     * The history part's rounds on servers of its own, after the per-server parts: Tyrus only (servers that are
     * restarted, and Redis nodes), in {@code <workdir>/history}.
     */
    private static void history(
            BenchSettings settings,
            Path workDir,
            List<HistoryCostResult> cost,
            List<ResumeResult> resume,
            List<String> problems,
            List<String> notes) {
        if (!settings.servers().contains("tyrus")) {
            notes.add("history: the resume scenarios and the rows through Redis run on Tyrus standalone only, and "
                    + "servers= does not name tyrus; not measured");
            return;
        }
        try (ClientGroup clients = new ClientGroup(settings.clientThreads())) {
            HistoryBench part = new HistoryBench(settings, workDir.resolve("history"), clients);
            try {
                part.run();
            } finally {
                cost.addAll(part.cost());
                resume.addAll(part.resume());
                problems.addAll(part.problems());
                notes.addAll(part.notes());
            }
            if (clients.failedHandshakes() > 0) {
                notes.add("history: " + clients.failedHandshakes()
                        + " handshakes failed and were tried again (see the log above)");
            }
        } catch (Exception | Error e) {
            problems.add("history: " + e);
            log("FAILED in the history part: " + e);
            e.printStackTrace();
        }
    }

    /**
     * The tracing part, after the per-server parts: two Tyrus servers of its own in {@code <workdir>/tracing}, both
     * with the {@code OpenTelemetry} SDK bean ({@code -Dbench.tracing=true}), the first with
     * {@code switchboard.SubscriberEndpoint.tracing.enabled=true}. Tyrus only: the bench gives Payara Micro no
     * OpenTelemetry of its own (its MicroProfile Telemetry is off unless the WAR's configuration turns it on).
     */
    private static void tracing(
            BenchSettings settings,
            Path workDir,
            List<FeatureCostResult> results,
            List<FeatureCostResult.TracingCheck> checks,
            List<String> problems,
            List<String> notes) {
        if (!settings.servers().contains("tyrus")) {
            notes.add("tracing: runs on Tyrus standalone only, and servers= does not name tyrus; not measured");
            return;
        }
        List<String> tracedJvm = new ArrayList<>(settings.serverJvm());
        tracedJvm.add("-D" + TyrusBenchServer.TRACING + "=true");
        tracedJvm.add("-Dswitchboard." + SubscriberEndpoint.class.getSimpleName() + ".tracing.enabled=true");
        List<String> untracedJvm = new ArrayList<>(settings.serverJvm());
        untracedJvm.add("-D" + TyrusBenchServer.TRACING + "=true");
        Path dir = workDir.resolve("tracing");
        Duration timeout = Duration.ofSeconds(60);
        log("starting two Tyrus servers for the tracing cost, tracing on and off, with " + settings.serverJvm());
        try (ClientGroup clients = new ClientGroup(settings.clientThreads());
                ServerProcess on = TyrusLauncher.start("Tyrus, tracing on", dir.resolve("on"), tracedJvm, timeout);
                ServerProcess off =
                        TyrusLauncher.start("Tyrus, tracing off", dir.resolve("off"), untracedJvm, timeout);
                ServerUnderTest traced = new ServerUnderTest(on, clients);
                ServerUnderTest untraced = new ServerUnderTest(off, clients)) {
            log("tracing on runs as pid " + on.pid() + ", tracing off as pid " + off.pid());
            TracingCostBench part = new TracingCostBench("Tyrus standalone", traced, untraced, settings);
            results.addAll(part.run());
            checks.addAll(part.checks());
            if (clients.failedHandshakes() > 0) {
                notes.add("tracing: " + clients.failedHandshakes()
                        + " handshakes failed and were tried again (see the log above)");
            }
        } catch (Exception | Error e) {
            problems.add("tracing: " + e);
            log("FAILED in the tracing part: " + e);
            e.printStackTrace();
        }
    }

    private static ServerProcess start(String name, BenchSettings settings, Path workDir, Path war)
            throws IOException, InterruptedException {
        log("starting " + name + " with " + settings.serverJvm());
        return switch (name) {
            case "tyrus" -> TyrusLauncher.start(workDir.resolve("tyrus"), settings.serverJvm(), Duration.ofSeconds(60));
            case "payara" -> {
                Path dir = workDir.resolve("payara");
                yield PayaraLauncher.start(
                        Path.of(required("bench.payara.jar")), war, dir, settings.serverJvm(), Duration.ofSeconds(240));
            }
            case "wildfly" ->
                WildFlyLauncher.start(
                        Path.of(required("bench.wildfly.home")),
                        war,
                        workDir.resolve("wildfly"),
                        settings.serverJvm(),
                        List.of(),
                        Duration.ofSeconds(300));
            default -> throw new IllegalArgumentException("Unknown server " + name + " (tyrus, payara, wildfly)");
        };
    }

    private static String report(
            BenchSettings settings,
            List<IdleHeapResult> idle,
            List<HeartbeatCostResult> heartbeats,
            List<FanOutResult> fanOut,
            List<SlowConsumerResult> slow,
            List<FloodResult> flood,
            List<LimiterCostResult> limiter,
            List<FeatureCostResult> metrics,
            List<FeatureCostResult.MetricsCheck> metricsChecks,
            List<FeatureCostResult> gather,
            List<FeatureCostResult.GatherCheck> gatherChecks,
            List<FeatureCostResult> tracing,
            List<FeatureCostResult.TracingCheck> tracingChecks,
            List<ClusterResult> cluster,
            List<ClientResult> client,
            List<HistoryCostResult> historyCost,
            List<ResumeResult> resume,
            CapacityBench capacity,
            List<String> problems) {
        StringBuilder out = new StringBuilder();
        out.append("# Switchboard bench, ")
                .append(LocalDateTime.now().withNano(0))
                .append("\n\n");
        out.append(String.format(
                "%d cores, Java %s; server JVM %s; load generator: %d event loop thread(s); "
                        + "%d interleaved cycles; values are medians ±half their range; %.0f s in all.%n%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                String.join(" ", settings.serverJvm()),
                settings.clientThreads(),
                settings.cycles(),
                (System.nanoTime() - START) / 1e9));
        out.append("## Fan-out: bursts, then latency at half the async loop's burst rate\n\n");
        out.append(Tables.fanOut(fanOut)).append('\n');
        out.append("## One slow consumer among ")
                .append(settings.slowSubscribers())
                .append(" (")
                .append(settings.slowSize() / 1024)
                .append(" KiB messages, bursts of ")
                .append(settings.slowBurst())
                .append(", ")
                .append(settings.slowDuration().toSeconds())
                .append(" s rounds)\n\n");
        out.append(Tables.slowConsumer(slow)).append('\n');
        out.append("## Heap per idle connection\n\n");
        out.append(Tables.idleHeap(idle)).append('\n');
        out.append("## Heartbeat cost: server CPU with idle connections\n\n");
        out.append(Tables.heartbeatCost(heartbeats)).append('\n');
        out.append("## Flood: ")
                .append(settings.floodHealthy())
                .append(" healthy clients, one message each per ")
                .append(settings.floodInterval().toMillis())
                .append(" ms broadcast to the room, and one flooder (")
                .append(settings.floodDuration().toSeconds())
                .append(" s rounds; limit 20/s, bursts of 40)\n\n");
        out.append(Tables.flood(flood)).append('\n');
        out.append("## Rate limiter cost: inbound messages, ")
                .append(FloodBench.SIZE)
                .append(" B, to an endpoint that only counts them\n\n");
        out.append(Tables.limiterCost(limiter)).append('\n');
        out.append("## Metrics cost: the broadcast (c) to N subscribers of an endpoint with metrics on and of one with "
                + "them off by configuration, same server, interleaved\n\n");
        out.append(Tables.featureCost(metrics, "metrics")).append('\n');
        out.append(Tables.metricsChecks(metricsChecks)).append('\n');
        out.append("## Gathered writes: the broadcast (c) to N subscribers of an endpoint with gathered writes on (the"
                + " default) and of one with them off by configuration (one write per message), same server,"
                + " interleaved\n\n");
        out.append(Tables.featureCost(gather, "gathered writes")).append('\n');
        out.append(Tables.gatherChecks(gatherChecks)).append('\n');
        out.append("## Two nodes through Redis against one node: the broadcast (c) to N subscribers, Tyrus standalone"
                + " (A: N on one node; B: N/2 on each of two nodes with switchboard.backplane=redis, the publisher on"
                + " node 1), interleaved\n\n");
        out.append(Tables.cluster(cluster)).append('\n');
        out.append(Tables.clusterCosts(cluster)).append('\n');
        out.append("## The reconnecting client against a bare JSR 356 client: ")
                .append(Numbers.format(settings.clientMessages()))
                .append(" messages per round each way, one connection each, Tyrus's client (CPU of the client's JVM;"
                        + " the server runs in its own), interleaved\n\n");
        out.append(Tables.client(client, false)).append('\n');
        out.append("B's own cost per message (the no-I/O rows' B − A, over A's CPU per message on Tyrus):\n\n");
        out.append(Tables.clientOverhead(client)).append('\n');
        out.append("## Reconnect storm: the server closes each connection with 1012 as it opens; ")
                .append(settings.clientReconnects())
                .append(" connections per round\n\n");
        out.append(Tables.client(client, true)).append('\n');
        if (settings.parts().contains("history")) {
            out.append("## Room history's cost per broadcast: one room of N subscribers, A without history (broadcast) "
                    + "against B with @RoomHistory (broadcastWithPosition, the position in the message), same servers, "
                    + "interleaved\n\n");
            out.append(Tables.historyCost(historyCost)).append('\n');
            out.append("## Resume after a cut: ")
                    .append(settings.resumeClients())
                    .append(" clients in ")
                    .append(settings.resumeRooms())
                    .append(" rooms, ")
                    .append(settings.resumeRate())
                    .append(" broadcasts/s to each room throughout, reconnects after a uniform 0–")
                    .append(settings.resumeJitterMillis())
                    .append(" ms delay; R (resume from the last position) against S (snapshot), Tyrus standalone\n\n");
            out.append(Tables.resumeTimes(resume)).append('\n');
            out.append(Tables.resumeCosts(resume)).append('\n');
        }
        if (settings.parts().contains("tracing")) {
            out.append(
                    "## Tracing cost: the broadcast (c) to N subscribers of SubscriberEndpoint on a Tyrus server with "
                            + "its tracing on (OpenTelemetry SDK bean, batch processor, an exporter that counts and discards) "
                            + "and on a second one started alike with it off, interleaved\n\n");
            out.append(Tables.featureCost(tracing, "tracing")).append('\n');
            out.append(Tables.tracingChecks(tracingChecks)).append('\n');
        }
        if (capacity != null) {
            CapacitySettings c = settings.capacity();
            out.append("## Capacity: N sessions on one server, plain endpoint against Switchboard (")
                    .append(c.idleWindow().toSeconds())
                    .append(" s idle windows, heartbeat every ")
                    .append(c.heartbeatSeconds())
                    .append(" s, ")
                    .append(c.broadcasts())
                    .append(" single broadcasts each, ")
                    .append(c.churnWindow().toSeconds())
                    .append(" s of a broadcast a second under churn, ")
                    .append(CapacityRounds.SIZE)
                    .append(" B messages, at most ")
                    .append(c.inFlight())
                    .append(" handshakes in flight)\n\n");
            out.append(CapacityTables.measurements(capacity.results())).append('\n');
            out.append("What each server used at N:\n\n");
            out.append(CapacityTables.limits(capacity.limits())).append('\n');
        }
        if (!problems.isEmpty()) {
            out.append("## Problems and notes\n\n");
            problems.forEach(p -> out.append("- ").append(p).append('\n'));
        }
        return out.toString();
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set -D" + property + " (the pom's -Pbench profile does)");
        }
        return value;
    }

    /** Warns when this process may not open as many sockets as the run needs (the server inherits the limit). */
    private static void checkOpenFiles(BenchSettings settings) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft =
                            line.substring("Max open files".length()).trim().split("\\s+")[0];
                    if (!soft.equals("unlimited") && Long.parseLong(soft) < settings.maxConnections() + 1000L) {
                        log("WARNING: open files limit " + soft + " is below the " + settings.maxConnections()
                                + " connections (+1000) the run needs; raise it with ulimit -n");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log("could not read the open files limit: " + e);
        }
    }

    /** Progress, on standard error, with the seconds since the start. */
    static void log(String message) {
        System.err.printf("[%6.1fs] %s%n", (System.nanoTime() - START) / 1e9, message);
    }
}
