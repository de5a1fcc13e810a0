package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one run measures and for how long. {@link #full()} is the documented run; {@link #quick()} a smoke run.
 * Any field can be overridden by a {@code key=value} argument (see {@link #parse}).
 *
 * @param servers           {@code tyrus}, {@code payara}
 * @param subscriberCounts  N for the fan-out scenarios
 * @param sizes             payload sizes in bytes
 * @param cycles            interleaved cycles (a, b, c, a, b, c, ...) per measurement
 * @param burstDeliveries   deliveries per burst round (messages = this / N)
 * @param latencyDuration   how long each fixed-rate round publishes
 * @param slowSubscribers   subscribers in the slow-consumer scenario, the slow one included
 * @param slowDuration      how long each slow-consumer round publishes
 * @param slowBurst         messages per burst in the slow-consumer rounds
 * @param slowSize          payload bytes in the slow-consumer rounds
 * @param slowCycles        interleaved cycles of the slow-consumer scenario
 * @param idleConnections   idle connections for the heap-per-connection measurement
 * @param heartbeatConnections idle connections for the heartbeat-cost measurement
 * @param heartbeatDuration how long the server's CPU is watched per heartbeat-cost round
 * @param clientThreads     event loop threads of the load generator
 * @param serverJvm         JVM options of the server under test
 * @param parts             what to measure: {@code idle}, {@code heartbeat}, {@code fanout}, {@code slow},
 *                          {@code flood} (the flood scenario and the rate limiter's cost), {@code metrics}
 *                          (the broadcast with metrics on and off), {@code gather} (the broadcast with gathered writes
 *                          on and off), {@code cluster} (two Tyrus nodes through
 *                          Redis against one node; Tyrus only, its servers started apart from {@code servers}),
 *                          {@code client} (the reconnecting client against a bare JSR 356 client; its own Tyrus
 *                          server, whatever {@code servers} says), {@code history} (room history's cost per broadcast
 *                          on each server, then on Tyrus through Redis, and the resume of many clients after a
 *                          cut; not in the default list), {@code tracing} (the broadcast with tracing on and off, on
 *                          two Tyrus servers of its own; not in the default list), {@code capacity} (N sessions
 *                          on each of {@code capacityServers}, plain against Switchboard; not in the default list)
 * @param modes             which fan-out modes: {@code a}, {@code b}, {@code c}
 * @param floodHealthy      healthy clients in the flood room
 * @param floodInterval     how often each healthy client sends
 * @param floodDuration     how long each flood round sends
 * @param inboundMessages   messages per limiter-cost round
 * @param metricsBurst      deliveries per burst round of the metrics-cost, gathered-writes and tracing-cost measurements
 *                          (messages = this / N)
 * @param clusterBurst      deliveries per burst round of the cluster part (messages = this / N)
 * @param clientMessages    messages per round of the client part's throughput rounds, each way
 * @param clientReconnects  connections per round of the client part's reconnect storm
 * @param clientCycles      interleaved cycles (A, B, B, A, ...) of the client part
 * @param historySubscribers N of the history cost: subscribers of each of the two endpoints (with and without
 *                          history)
 * @param historyBurst      deliveries per burst round of the history cost (messages = this / N)
 * @param historySize       payload bytes of the history part's broadcasts
 * @param resumeClients     clients of the resume scenarios, over all rooms
 * @param resumeRooms       rooms of the resume scenarios
 * @param resumeRate        broadcasts per second to each room in the resume scenarios
 * @param resumeJitterMillis the most a client of the resume scenarios waits before it reconnects (uniform)
 * @param resumeCycles      interleaved cycles (R, S, S, R, ...) of each resume scenario
 * @param capacity          the capacity part's own settings ({@code capacity...} keys; not in the default parts)
 */
public record BenchSettings(
        List<String> servers,
        List<Integer> subscriberCounts,
        List<Integer> sizes,
        int cycles,
        int burstDeliveries,
        Duration latencyDuration,
        int slowSubscribers,
        Duration slowDuration,
        int slowBurst,
        int slowSize,
        int slowCycles,
        int idleConnections,
        int heartbeatConnections,
        Duration heartbeatDuration,
        int clientThreads,
        List<String> serverJvm,
        List<String> parts,
        List<String> modes,
        int floodHealthy,
        Duration floodInterval,
        Duration floodDuration,
        int inboundMessages,
        int metricsBurst,
        int clusterBurst,
        int clientMessages,
        int clientReconnects,
        int clientCycles,
        int historySubscribers,
        int historyBurst,
        int historySize,
        int resumeClients,
        int resumeRooms,
        int resumeRate,
        int resumeJitterMillis,
        int resumeCycles,
        CapacitySettings capacity) {

    /** The documented run: N = 1,000 and 5,000, 64 B and 4 KiB, 3 cycles. */
    public static BenchSettings full() {
        return new BenchSettings(
                List.of("tyrus", "payara"),
                List.of(1000, 5000),
                List.of(64, 4096),
                3,
                60_000,
                Duration.ofMillis(2500),
                100,
                Duration.ofSeconds(10),
                50,
                65536,
                3,
                5000,
                10_000,
                Duration.ofSeconds(10),
                1,
                List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC"),
                List.of("idle", "heartbeat", "fanout", "slow", "flood", "metrics", "gather", "cluster", "client"),
                List.of("a", "b", "c"),
                100,
                Duration.ofMillis(250),
                Duration.ofSeconds(10),
                2_000_000,
                300_000,
                300_000,
                100_000,
                500,
                6,
                1000,
                300_000,
                64,
                1000,
                10,
                20,
                1000,
                3,
                CapacitySettings.full());
    }

    /** A smoke run: N = 200, shorter rounds. */
    public static BenchSettings quick() {
        return new BenchSettings(
                List.of("tyrus", "payara"),
                List.of(200),
                List.of(64, 4096),
                3,
                10_000,
                Duration.ofMillis(750),
                100,
                Duration.ofSeconds(8),
                50,
                65536,
                1,
                300,
                1000,
                Duration.ofSeconds(3),
                1,
                List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC"),
                List.of("idle", "heartbeat", "fanout", "slow", "flood", "metrics", "gather", "cluster", "client"),
                List.of("a", "b", "c"),
                100,
                Duration.ofMillis(250),
                Duration.ofSeconds(4),
                500_000,
                50_000,
                50_000,
                5_000,
                50,
                1,
                200,
                50_000,
                64,
                200,
                10,
                20,
                1000,
                1,
                CapacitySettings.quick());
    }

    /**
     * Reads the launcher's arguments: {@code quick} picks {@link #quick()}, then {@code key=value} pairs override
     * single settings, e.g. {@code servers=tyrus subs=1000 sizes=64 cycles=5 serverJvm=-Xmx1g,-XX:+UseG1GC}.
     */
    public static BenchSettings parse(String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            words.addAll(Arrays.asList(arg.trim().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        BenchSettings s = words.remove("quick") || words.remove("--quick") || Boolean.getBoolean("bench.quick")
                ? quick()
                : full();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Unknown argument " + word + "; use quick or key=value");
            }
            String key = word.substring(0, eq).replaceFirst("^--", "");
            String value = word.substring(eq + 1);
            s = s.with(key, value);
        }
        return s;
    }

    private BenchSettings with(String key, String value) {
        List<String> list = List.of(value.split(","));
        List<String> servers = this.servers;
        List<Integer> subs = this.subscriberCounts;
        List<Integer> sizes = this.sizes;
        int cycles = this.cycles;
        int burst = this.burstDeliveries;
        Duration latency = this.latencyDuration;
        int slowSubs = this.slowSubscribers;
        Duration slow = this.slowDuration;
        int slowBurst = this.slowBurst;
        int slowSize = this.slowSize;
        int slowCycles = this.slowCycles;
        int idle = this.idleConnections;
        int heartbeat = this.heartbeatConnections;
        Duration heartbeatWindow = this.heartbeatDuration;
        int threads = this.clientThreads;
        List<String> jvm = this.serverJvm;
        List<String> parts = this.parts;
        List<String> modes = this.modes;
        int floodHealthy = this.floodHealthy;
        Duration floodInterval = this.floodInterval;
        Duration flood = this.floodDuration;
        int inbound = this.inboundMessages;
        int metricsBurst = this.metricsBurst;
        int clusterBurst = this.clusterBurst;
        int clientMessages = this.clientMessages;
        int clientReconnects = this.clientReconnects;
        int clientCycles = this.clientCycles;
        int historySubs = this.historySubscribers;
        int historyBurst = this.historyBurst;
        int historySize = this.historySize;
        int resumeClients = this.resumeClients;
        int resumeRooms = this.resumeRooms;
        int resumeRate = this.resumeRate;
        int resumeJitter = this.resumeJitterMillis;
        int resumeCycles = this.resumeCycles;
        CapacitySettings capacity = this.capacity;
        switch (key) {
            case "servers" -> servers = list;
            case "subs" -> subs = ints(list);
            case "sizes" -> sizes = ints(list);
            case "cycles" -> cycles = Integer.parseInt(value);
            case "burst" -> burst = Integer.parseInt(value);
            case "latencyMillis" -> latency = Duration.ofMillis(Long.parseLong(value));
            case "slowSubs" -> slowSubs = Integer.parseInt(value);
            case "slowMillis" -> slow = Duration.ofMillis(Long.parseLong(value));
            case "slowBurst" -> slowBurst = Integer.parseInt(value);
            case "slowSize" -> slowSize = Integer.parseInt(value);
            case "slowCycles" -> slowCycles = Integer.parseInt(value);
            case "idle" -> idle = Integer.parseInt(value);
            case "heartbeat" -> heartbeat = Integer.parseInt(value);
            case "heartbeatMillis" -> heartbeatWindow = Duration.ofMillis(Long.parseLong(value));
            case "clientThreads" -> threads = Integer.parseInt(value);
            case "serverJvm" -> jvm = list;
            case "parts" -> parts = list;
            case "modes" -> modes = list;
            case "floodHealthy" -> floodHealthy = Integer.parseInt(value);
            case "floodIntervalMillis" -> floodInterval = Duration.ofMillis(Long.parseLong(value));
            case "floodMillis" -> flood = Duration.ofMillis(Long.parseLong(value));
            case "inbound" -> inbound = Integer.parseInt(value);
            case "metricsBurst" -> metricsBurst = Integer.parseInt(value);
            case "clusterBurst" -> clusterBurst = Integer.parseInt(value);
            case "clientMessages" -> clientMessages = Integer.parseInt(value);
            case "clientReconnects" -> clientReconnects = Integer.parseInt(value);
            case "clientCycles" -> clientCycles = Integer.parseInt(value);
            case "historySubs" -> historySubs = Integer.parseInt(value);
            case "historyBurst" -> historyBurst = Integer.parseInt(value);
            case "historySize" -> historySize = Integer.parseInt(value);
            case "resumeClients" -> resumeClients = Integer.parseInt(value);
            case "resumeRooms" -> resumeRooms = Integer.parseInt(value);
            case "resumeRate" -> resumeRate = Integer.parseInt(value);
            case "resumeJitterMillis" -> resumeJitter = Integer.parseInt(value);
            case "resumeCycles" -> resumeCycles = Integer.parseInt(value);
            default -> {
                if (!CapacitySettings.owns(key)) {
                    throw unknown(key);
                }
                capacity = capacity.with(key, value);
            }
        }
        return new BenchSettings(
                servers,
                subs,
                sizes,
                cycles,
                burst,
                latency,
                slowSubs,
                slow,
                slowBurst,
                slowSize,
                slowCycles,
                idle,
                heartbeat,
                heartbeatWindow,
                threads,
                jvm,
                parts,
                modes,
                floodHealthy,
                floodInterval,
                flood,
                inbound,
                metricsBurst,
                clusterBurst,
                clientMessages,
                clientReconnects,
                clientCycles,
                historySubs,
                historyBurst,
                historySize,
                resumeClients,
                resumeRooms,
                resumeRate,
                resumeJitter,
                resumeCycles,
                capacity);
    }

    private static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("Unknown setting " + key + " (servers, subs, sizes, cycles,"
                + " burst, latencyMillis, slowSubs, slowMillis, slowBurst, slowSize, slowCycles, idle, heartbeat,"
                + " heartbeatMillis, clientThreads, serverJvm, parts, modes, floodHealthy, floodIntervalMillis,"
                + " floodMillis, inbound, metricsBurst, clusterBurst, clientMessages, clientReconnects,"
                + " clientCycles, historySubs, historyBurst, historySize, resumeClients, resumeRooms,"
                + " resumeRate, resumeJitterMillis, resumeCycles, and the capacity part's capacity... keys: "
                + "capacityServers, capacitySessions, capacityServerJvm, ...)");
    }

    /** The modes to measure, of those the server offers. */
    public List<Mode> modes(boolean switchboardAvailable) {
        List<Mode> chosen = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            if (modes.contains(String.valueOf(mode.code())) && (switchboardAvailable || mode != Mode.SWITCHBOARD)) {
                chosen.add(mode);
            }
        }
        return chosen;
    }

    private static List<Integer> ints(List<String> values) {
        return values.stream().map(Integer::parseInt).toList();
    }

    /** The most connections the run holds open at once, on each side. */
    public int maxConnections() {
        int most =
                Math.max(Math.max(idleConnections, heartbeatConnections), Math.max(slowSubscribers, floodHealthy + 1));
        for (int n : subscriberCounts) {
            // metrics, gather: two rooms of N on one server; tracing: N on each of two servers; cluster: N on the one
            // node
            // and N over the two nodes, all open
            boolean twice = parts.contains("metrics")
                    || parts.contains("gather")
                    || parts.contains("tracing")
                    || parts.contains("cluster");
            most = Math.max(most, twice ? 2 * n : n);
        }
        if (parts.contains("history")) {
            // the cost: both endpoints' N at once; the resume: its clients and a publisher per room
            most = Math.max(most, Math.max(2 * historySubscribers, resumeClients + resumeRooms));
        }
        return most + 10;
    }

    /** Messages per burst round of the history cost for N subscribers, bounded as {@link #burstMessages}'s. */
    public int historyBurstMessages(int subscribers) {
        return Math.max(5, Math.min(500, historyBurst / subscribers));
    }

    /** How long each heartbeat-cost round watches the server's CPU, in milliseconds. */
    public long heartbeatMillis() {
        return heartbeatDuration.toMillis();
    }

    /** Messages per burst round of the cluster part for N subscribers, bounded as {@link #burstMessages}'s. */
    public int clusterBurstMessages(int subscribers) {
        return Math.max(5, Math.min(500, clusterBurst / subscribers));
    }

    /** Messages per burst round for N subscribers: at least 5, and never more than a send queue holds. */
    public int burstMessages(int subscribers) {
        return Math.max(5, Math.min(500, burstDeliveries / subscribers));
    }
}
