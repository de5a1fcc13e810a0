package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Publisher;
import io.switchboard.bench.report.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What checking a rate limit costs per inbound message: a few clients send small messages as fast as they can to
 * tracked endpoints that only count them, one without a rate limit, one with a per-session limit that never
 * refuses (a million a second), one with that and a per-address one (one bucket that every loopback client
 * shares), interleaved. Per round: messages handled per second and the server's CPU per message.
 */
final class LimiterCostBench {

    private static final int CLIENTS = 4;
    private static final int CHUNK = 256;
    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("no rate limit", "bench/inbound/unlimited");
        ENDPOINTS.put("generous limit per session", "bench/inbound/limited");
        ENDPOINTS.put("generous limits per session and per address", "bench/inbound/shared-limit");
    }

    private final ServerUnderTest server;
    private final BenchSettings settings;

    LimiterCostBench(ServerUnderTest server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    List<LimiterCostResult> run() throws Exception {
        int messages = settings.inboundMessages();
        for (String path : ENDPOINTS.values()) {
            round(path, messages / 2); // warm-up, unmeasured
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            for (Map.Entry<String, String> endpoint : ENDPOINTS.entrySet()) {
                double[] r = round(endpoint.getValue(), messages);
                rates.computeIfAbsent(endpoint.getKey(), k -> new ArrayList<>()).add(r[0]);
                cpu.computeIfAbsent(endpoint.getKey(), k -> new ArrayList<>()).add(r[1]);
                BenchMain.log(String.format(
                        "%s: limiter cost, cycle %d, %s: %.0f messages/s, %.2f µs CPU/message",
                        server.name(), cycle, endpoint.getKey(), r[0], r[1]));
            }
        }
        List<LimiterCostResult> results = new ArrayList<>();
        for (String endpoint : ENDPOINTS.keySet()) {
            results.add(new LimiterCostResult(
                    server.name(), endpoint, messages, Spread.of(rates.get(endpoint)), Spread.of(cpu.get(endpoint))));
        }
        return results;
    }

    /** One round: {messages per second, server CPU µs per message}. */
    private double[] round(String path, int messages) throws Exception {
        List<Channel> channels = server.clients().connectAll(server.uri(path), CLIENTS, i -> ServerUnderTest.IGNORE);
        try {
            List<Publisher> publishers = channels.stream().map(Publisher::new).toList();
            int round = server.nextRound();
            long target = server.control().inboundHandled() + messages;
            long cpuBefore = server.process().cpuNanos();
            long start = System.nanoTime();
            for (int sent = 0; sent < messages; ) {
                for (Publisher publisher : publishers) {
                    int count = Math.min(CHUNK, messages - sent);
                    publisher.burst('x', round, count, FloodBench.SIZE);
                    sent += count;
                }
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(120);
            while (server.control().inboundHandled() < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            server.name() + ": " + path + " did not handle " + messages + " messages in 120 s");
                }
                Thread.sleep(5);
            }
            long wall = System.nanoTime() - start;
            long cpu = server.process().cpuNanos() - cpuBefore;
            return new double[] {messages * 1e9 / wall, cpu / 1000.0 / messages};
        } finally {
            ClientGroup.closeAll(channels);
            Thread.sleep(500);
        }
    }
}
