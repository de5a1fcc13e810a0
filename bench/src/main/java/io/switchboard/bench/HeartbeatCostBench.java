package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Control;
import io.switchboard.bench.report.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What heartbeats cost: the server's CPU, in percent of one core, while N connections sit idle on an endpoint the
 * container keeps alone, on one Switchboard tracks with its default 30-second heartbeat (no ping falls in the
 * window), on a plain endpoint that pings its sessions itself every 10 s from one scheduled task (the floor of any
 * ping-based heartbeat on that container), and on ones Switchboard pings every 10 s and every second (the clients
 * answer every ping), interleaved. The pings the clients answered during each window are counted.
 */
final class HeartbeatCostBench {

    /** The plain endpoint that pings its sessions itself: the floor the heartbeat rows are compared with. */
    static final String PLAIN_PINGING = "plain, pinging every 10 s itself (one task)";
    /** Switchboard's heartbeat at the plain pinger's interval. */
    static final String HEARTBEAT_10S = "heartbeat every 10 s";

    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("plain (@Untracked)", "bench/idle/plain");
        ENDPOINTS.put("tracked, no ping in the window", "bench/idle/tracked");
        ENDPOINTS.put(PLAIN_PINGING, "bench/idle/plain-pinging");
        ENDPOINTS.put(HEARTBEAT_10S, "bench/idle/heartbeat-10s");
        ENDPOINTS.put("heartbeat every 1 s", "bench/idle/heartbeat-1s");
    }

    private final ServerUnderTest server;
    private final BenchSettings settings;

    HeartbeatCostBench(ServerUnderTest server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    List<HeartbeatCostResult> run() throws Exception {
        int n = settings.heartbeatConnections();
        long windowMillis = settings.heartbeatMillis();
        Map<String, List<Double>> percents = new LinkedHashMap<>();
        Map<String, List<Double>> pings = new LinkedHashMap<>();
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            for (Map.Entry<String, String> endpoint : ENDPOINTS.entrySet()) {
                List<Channel> channels =
                        server.clients().connectAll(server.uri(endpoint.getValue()), n, i -> ServerUnderTest.IGNORE);
                Thread.sleep(2000); // let the handshakes' work settle
                Control.PingCounters plainBefore = server.control().pings();
                long pingsBefore = server.clients().pingsAnswered();
                long cpuBefore = server.process().cpuNanos();
                long wallBefore = System.nanoTime();
                Thread.sleep(windowMillis);
                double percent = 100.0 * (server.process().cpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
                long answered = server.clients().pingsAnswered() - pingsBefore;
                Control.PingCounters plainAfter = server.control().pings();
                ClientGroup.closeAll(channels);
                percents.computeIfAbsent(endpoint.getKey(), k -> new ArrayList<>())
                        .add(percent);
                pings.computeIfAbsent(endpoint.getKey(), k -> new ArrayList<>()).add((double) answered);
                String plain = endpoint.getKey().equals(PLAIN_PINGING)
                        ? String.format(
                                "; the server sent %d pings (%d failed) and received %d pongs",
                                plainAfter.sent() - plainBefore.sent(),
                                plainAfter.failed() - plainBefore.failed(),
                                plainAfter.pongs() - plainBefore.pongs())
                        : "";
                BenchMain.log(String.format(
                        "%s: heartbeat cost, cycle %d, %s: %.2f%% of a core (%d connections, " + "%d pings answered%s)",
                        server.name(), cycle, endpoint.getKey(), percent, n, answered, plain));
                Thread.sleep(2000);
            }
        }
        List<HeartbeatCostResult> results = new ArrayList<>();
        percents.forEach((endpoint, values) -> results.add(new HeartbeatCostResult(
                server.name(), endpoint, n, windowMillis, Spread.of(values), Spread.of(pings.get(endpoint)))));
        return results;
    }
}
