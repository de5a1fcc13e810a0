package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.report.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap per idle connection: the server's used heap after full GCs with N idle connections open minus with none,
 * on an endpoint the container keeps alone ({@code @Untracked}) and on one Switchboard tracks, interleaved.
 */
final class IdleHeapBench {

    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("plain (@Untracked)", "bench/idle/plain");
        ENDPOINTS.put("tracked by Switchboard", "bench/idle/tracked");
    }

    private final ServerUnderTest server;
    private final BenchSettings settings;

    IdleHeapBench(ServerUnderTest server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    List<IdleHeapResult> run() throws Exception {
        int n = settings.idleConnections();
        for (String path : ENDPOINTS.values()) {
            // load and compile what a connection needs before anything is weighed
            ClientGroup.closeAll(
                    server.clients().connectAll(server.uri(path), Math.min(n, 200), i -> ServerUnderTest.IGNORE));
        }
        Thread.sleep(1000);
        Map<String, List<Double>> perConnection = new LinkedHashMap<>();
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            for (Map.Entry<String, String> endpoint : ENDPOINTS.entrySet()) {
                long before = server.control().heapAfterGc();
                List<Channel> channels =
                        server.clients().connectAll(server.uri(endpoint.getValue()), n, i -> ServerUnderTest.IGNORE);
                Thread.sleep(500);
                long with = server.control().heapAfterGc();
                ClientGroup.closeAll(channels);
                double bytes = (with - before) / (double) n;
                perConnection
                        .computeIfAbsent(endpoint.getKey(), k -> new ArrayList<>())
                        .add(bytes);
                BenchMain.log(String.format(
                        "%s: idle, cycle %d, %s: %.1f KB per connection (%d connections)",
                        server.name(), cycle, endpoint.getKey(), bytes / 1024, n));
                Thread.sleep(1500);
            }
        }
        List<IdleHeapResult> results = new ArrayList<>();
        perConnection.forEach(
                (endpoint, values) -> results.add(new IdleHeapResult(server.name(), endpoint, n, Spread.of(values))));
        return results;
    }
}
