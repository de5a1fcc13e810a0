package io.switchboard.bench;

import io.switchboard.bench.client.BenchTokens;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.ConnectionFleet;
import io.switchboard.bench.launch.BenchWar;
import io.switchboard.bench.launch.GcLog;
import io.switchboard.bench.launch.OpenFileLimit;
import io.switchboard.bench.launch.PayaraLauncher;
import io.switchboard.bench.launch.ServerProcess;
import io.switchboard.bench.launch.TyrusLauncher;
import io.switchboard.bench.launch.WildFlyLauncher;
import io.switchboard.bench.server.CapacitySecuredEndpoint;
import io.switchboard.bench.server.CapacitySwitchboardEndpoint;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The capacity part ({@code parts=capacity}): N sessions on one server at a time (Payara Micro, WildFly, Tyrus
 * standalone, as {@code capacityServers} says), each started for it in a child JVM bound to 127.0.0.1 with the
 * part's own heap ({@code capacityServerJvm}), a GC log, the public key of the run's tokens and the heartbeat
 * interval by configuration; the load generator's connections come from a {@link ConnectionFleet} spread over
 * loopback source addresses. First it raises its own open-file limit (which the servers inherit) to what N needs, or,
 * where it cannot, scales N down to what fits, and says so. The measurements are {@link CapacityRounds}'.
 */
final class CapacityBench {

    private final CapacitySettings settings;
    private final int clientThreads;
    private final Path workDir;
    private final List<CapacityResult> results = new ArrayList<>();
    private final List<CapacityResult.Limits> limits = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param settings      the part's settings
     * @param clientThreads event loop threads of the load generator
     * @param workDir       the servers' directories, logs and the tokens' key go here
     */
    CapacityBench(CapacitySettings settings, int clientThreads, Path workDir) {
        this.settings = settings;
        this.clientThreads = clientThreads;
        this.workDir = workDir;
    }

    List<CapacityResult> results() {
        return results;
    }

    List<CapacityResult.Limits> limits() {
        return limits;
    }

    /** Memory settings, the open-file limit, source addresses, and what else a reader of the tables needs. */
    List<String> notes() {
        return notes;
    }

    /** Servers on which the part failed, with why. */
    List<String> problems() {
        return problems;
    }

    void run() throws Exception {
        int n = settings.sessions();
        OpenFileLimit limit = OpenFileLimit.raiseTo(CapacitySettings.filesNeeded(n));
        BenchMain.log("capacity: " + limit.note());
        notes.add("capacity: " + limit.note());
        if (limit.soft() >= 0 && limit.soft() < CapacitySettings.filesNeeded(n)) {
            int fitting = CapacitySettings.sessionsFitting(limit.soft());
            String scaled = "capacity: N scaled down from " + n + " to " + fitting + " to fit " + limit.soft()
                    + " open files a side";
            BenchMain.log(scaled);
            notes.add(scaled);
            n = fitting;
        }
        List<String> serverJvm = new ArrayList<>(settings.serverJvm());
        notes.add("capacity: server JVM " + String.join(" ", serverJvm) + " (and a GC log); load generator JVM "
                + loadGeneratorJvm() + ", " + clientThreads + " event loop thread(s); 2 of them share the machine");
        BenchTokens tokens =
                BenchTokens.create(workDir, CapacitySecuredEndpoint.ROLE, settings.tokens(), Duration.ofHours(6));
        Path payaraWar = settings.servers().contains("payara")
                ? BenchWar.build(
                        workDir.resolve("switchboard-bench.war"),
                        io.switchboard.impl.extension.SwitchboardInitializer.class)
                : null;
        Path wildflyWar = settings.servers().contains("wildfly")
                ? BenchWar.build(
                        workDir.resolve("wildfly-war").resolve("switchboard-bench.war"),
                        io.switchboard.impl.extension.SwitchboardInitializer.class,
                        BenchWar.WILDFLY_LIBRARIES)
                : null;
        try (ConnectionFleet fleet = new ConnectionFleet(clientThreads, settings.perAddress())) {
            for (String name : settings.servers()) {
                Path dir = workDir.resolve(name);
                Path gcLog = dir.resolve("gc.log");
                try (ClientGroup clients = new ClientGroup(1);
                        ServerProcess process =
                                start(name, dir, name.equals("wildfly") ? wildflyWar : payaraWar, tokens, gcLog);
                        ServerUnderTest server = new ServerUnderTest(process, clients)) {
                    BenchMain.log("capacity: " + server.name() + " runs as pid " + process.pid() + " at "
                            + process.base() + ", " + n + " sessions");
                    CapacityRounds rounds = new CapacityRounds(server, fleet, settings, n, tokens, gcLog);
                    limits.add(rounds.run());
                    results.addAll(rounds.results());
                    notes.addAll(rounds.notes());
                } catch (Exception | Error e) {
                    problems.add("capacity on " + name + ": " + e);
                    BenchMain.log("FAILED in the capacity part on " + name + ": " + e);
                    e.printStackTrace();
                }
            }
            notes.add("capacity: the load generator's connections came from " + fleet.sourceAddresses()
                    + (fleet.failedHandshakes() > 0
                            ? "; " + fleet.failedHandshakes() + " handshakes failed and were" + " tried again"
                            : ""));
        }
    }

    private ServerProcess start(String name, Path dir, Path war, BenchTokens tokens, Path gcLog) throws Exception {
        List<String> jvm = new ArrayList<>(settings.serverJvm());
        jvm.add(GcLog.option(gcLog));
        List<String> properties = List.of(
                "-Dmp.jwt.verify.publickey.location=" + tokens.publicKey(),
                "-Dswitchboard." + CapacitySwitchboardEndpoint.class.getSimpleName() + ".heartbeat.interval="
                        + settings.heartbeatSeconds() + "s");
        java.nio.file.Files.createDirectories(dir);
        BenchMain.log("capacity: starting " + name + " with " + String.join(" ", jvm));
        return switch (name) {
            case "tyrus" ->
                TyrusLauncher.start("Tyrus standalone", dir, concat(jvm, properties), Duration.ofSeconds(60));
            case "payara" ->
                PayaraLauncher.start(
                        Path.of(BenchMain.required("bench.payara.jar")),
                        war,
                        dir,
                        concat(jvm, properties),
                        Duration.ofSeconds(300));
            case "wildfly" ->
                WildFlyLauncher.start(
                        Path.of(BenchMain.required("bench.wildfly.home")),
                        war,
                        dir,
                        jvm,
                        properties,
                        Duration.ofSeconds(300));
            default -> throw new IllegalArgumentException("Unknown server " + name + " (payara, wildfly, tyrus)");
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String loadGeneratorJvm() {
        List<String> memory = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:+Use") || a.startsWith("-XX:MaxDirect"))
                .toList();
        return (memory.isEmpty() ? "(defaults)" : String.join(" ", memory)) + ", max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB";
    }
}
