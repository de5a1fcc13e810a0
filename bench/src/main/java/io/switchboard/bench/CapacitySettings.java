package io.switchboard.bench;

import java.time.Duration;
import java.util.List;

/**
 * What the capacity part ({@code parts=capacity}) measures and for how long; each field has a {@code capacity...} key
 * (see {@link BenchSettings#parse}).
 *
 * @param servers          {@code capacityServers}: {@code payara}, {@code wildfly}, {@code tyrus}, one after the other
 * @param sessions         {@code capacitySessions}: N, the sessions each server holds (scaled down to what the
 *                         open-file limit allows where it cannot be raised)
 * @param serverJvm        {@code capacityServerJvm}: the servers' heap and GC options (the part adds a GC log)
 * @param inFlight         {@code capacityInFlight}: the most handshakes under way at once in a connect storm
 * @param idleWindow       {@code capacityIdleMillis}: how long the server's CPU is watched with every session idle
 * @param heartbeatSeconds {@code capacityHeartbeatSeconds}: the heartbeat interval, Switchboard's (by configuration,
 *                         {@code switchboard.CapacitySwitchboardEndpoint.heartbeat.interval}) and the plain pinger's
 * @param broadcasts       {@code capacityBroadcasts}: single broadcasts to all N per mode, interleaved (b, c, c, b...)
 * @param churnWindow      {@code capacityChurnMillis}: how long each churn round broadcasts once a second
 * @param churnPercent     {@code capacityChurnPercent}: the share of sessions that close and reopen each second
 * @param perAddress       {@code capacityPerAddress}: connections per loopback source address (2,000: binding port 0
 *                         gets slower as an address's ports fill; at 20,000 an address the kernel's port search made
 *                         the load generator the bottleneck, about 1.3 ms of its CPU and 600 handshakes/s against
 *                         0.2 ms and 3,400/s, Tyrus, 18,000 sessions)
 * @param tokens           {@code capacityTokens}: distinct signed tokens the secured storm's connections take in turn
 */
public record CapacitySettings(
        List<String> servers,
        int sessions,
        List<String> serverJvm,
        int inFlight,
        Duration idleWindow,
        int heartbeatSeconds,
        int broadcasts,
        Duration churnWindow,
        double churnPercent,
        int perAddress,
        int tokens) {

    /** 100,000 sessions on each server, 8 GiB heaps. */
    public static CapacitySettings full() {
        return new CapacitySettings(
                List.of("payara", "wildfly", "tyrus"),
                100_000,
                List.of("-Xms8g", "-Xmx8g", "-XX:+UseG1GC"),
                500,
                Duration.ofSeconds(60),
                30,
                5,
                Duration.ofSeconds(30),
                1.0,
                2000,
                1000);
    }

    /** 2,000 sessions, a 2 s heartbeat, short windows: well under a minute a server, inside 20,000 open files. */
    public static CapacitySettings quick() {
        return new CapacitySettings(
                List.of("payara", "wildfly", "tyrus"),
                2000,
                List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC"),
                200,
                Duration.ofSeconds(3),
                2,
                2,
                Duration.ofSeconds(4),
                1.0,
                2000,
                100);
    }

    /** Whether the key is one of these settings'. */
    static boolean owns(String key) {
        return key.startsWith("capacity");
    }

    /** These settings with one changed by its {@code capacity...} key. */
    CapacitySettings with(String key, String value) {
        List<String> servers = this.servers;
        int sessions = this.sessions;
        List<String> serverJvm = this.serverJvm;
        int inFlight = this.inFlight;
        Duration idleWindow = this.idleWindow;
        int heartbeatSeconds = this.heartbeatSeconds;
        int broadcasts = this.broadcasts;
        Duration churnWindow = this.churnWindow;
        double churnPercent = this.churnPercent;
        int perAddress = this.perAddress;
        int tokens = this.tokens;
        switch (key) {
            case "capacityServers" -> servers = List.of(value.split(","));
            case "capacitySessions" -> sessions = Integer.parseInt(value);
            case "capacityServerJvm" -> serverJvm = List.of(value.split(","));
            case "capacityInFlight" -> inFlight = Integer.parseInt(value);
            case "capacityIdleMillis" -> idleWindow = Duration.ofMillis(Long.parseLong(value));
            case "capacityHeartbeatSeconds" -> heartbeatSeconds = Integer.parseInt(value);
            case "capacityBroadcasts" -> broadcasts = Integer.parseInt(value);
            case "capacityChurnMillis" -> churnWindow = Duration.ofMillis(Long.parseLong(value));
            case "capacityChurnPercent" -> churnPercent = Double.parseDouble(value);
            case "capacityPerAddress" -> perAddress = Integer.parseInt(value);
            case "capacityTokens" -> tokens = Integer.parseInt(value);
            default ->
                throw new IllegalArgumentException("Unknown setting " + key + " (capacityServers, capacitySessions,"
                        + " capacityServerJvm, capacityInFlight, capacityIdleMillis, capacityHeartbeatSeconds,"
                        + " capacityBroadcasts, capacityChurnMillis, capacityChurnPercent, capacityPerAddress,"
                        + " capacityTokens)");
        }
        return new CapacitySettings(
                servers,
                sessions,
                serverJvm,
                inFlight,
                idleWindow,
                heartbeatSeconds,
                broadcasts,
                churnWindow,
                churnPercent,
                perAddress,
                tokens);
    }

    /**
     * Open files each side needs for N sessions: the sessions, churn's overlap (1%), and the JVM's own (jars, logs,
     * selectors: about 350 in Payara Micro, 600 in WildFly, 150 in Tyrus standalone at 2,000 sessions).
     */
    static long filesNeeded(int sessions) {
        return sessions + sessions / 100 + 1500L;
    }

    /** The most sessions that fit an open-file limit, in whole thousands. */
    static int sessionsFitting(long limit) {
        long most = (limit - 1500) * 100 / 101;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, most >= 1000 ? most / 1000 * 1000 : most));
    }
}
