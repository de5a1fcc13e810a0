package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.report.Spread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What heartbeats cost: the server's CPU, in percent of one core, while N connections sit idle on an endpoint the
 * container keeps alone, on one Switchboard tracks with its default 30-second heartbeat (no ping falls in the
 * window), and on ones pinged every 10 s and every second (the clients answer every ping), interleaved.
 */
final class HeartbeatCostBench {

    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("plain (@Untracked)", "bench/idle/plain");
        ENDPOINTS.put("tracked, no ping in the window", "bench/idle/tracked");
        ENDPOINTS.put("heartbeat every 10 s", "bench/idle/heartbeat-10s");
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
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            for (Map.Entry<String, String> endpoint : ENDPOINTS.entrySet()) {
                List<Channel> channels = server.clients().connectAll(server.uri(endpoint.getValue()), n,
                        i -> ServerUnderTest.IGNORE);
                Thread.sleep(2000); // let the handshakes' work settle
                long cpuBefore = server.process().cpuNanos();
                long wallBefore = System.nanoTime();
                Thread.sleep(windowMillis);
                double percent = 100.0 * (server.process().cpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
                ClientGroup.closeAll(channels);
                percents.computeIfAbsent(endpoint.getKey(), k -> new ArrayList<>()).add(percent);
                BenchMain.log(String.format("%s: heartbeat cost, cycle %d, %s: %.2f%% of a core (%d connections)",
                        server.name(), cycle, endpoint.getKey(), percent, n));
                Thread.sleep(2000);
            }
        }
        List<HeartbeatCostResult> results = new ArrayList<>();
        percents.forEach((endpoint, values) ->
                results.add(new HeartbeatCostResult(server.name(), endpoint, n, Spread.of(values))));
        return results;
    }
}
