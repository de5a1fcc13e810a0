package io.switchboard.samples.ticker;

import io.switchboard.payara.PayaraMicro;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the ticker sample until Ctrl+C ({@code -Prun}, see the pom): the WAR at {@code /ticker} on Payara Micro,
 * started by the project's one launcher ({@link PayaraMicro}, which the integration tests use too), then a banner
 * that says where to look.
 *
 * <p>{@code TickerServer --payara P --war W --workdir D --port N [--timeout SECONDS]}
 */
public final class TickerServer {

    private TickerServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("--payara", "--war", "--workdir", "--port")) {
            if (!options.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("Missing " + missing + "; usage: TickerServer --payara P --war W --workdir D --port N");
            System.exit(2);
        }
        PayaraMicro.Setup setup = new PayaraMicro.Setup(
                Path.of(options.get("--payara")),
                Path.of(options.get("--war")),
                Path.of(options.get("--workdir")),
                Integer.parseInt(options.get("--port")),
                List.of(),
                RunningTicker.CONTEXT_ROOT);
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout", "180")));

        // Maven does not stop what exec:exec started when Maven itself is killed: follow it out.
        ProcessHandle.current().parent().ifPresent(maven -> maven.onExit().thenRun(() -> System.exit(143)));

        PayaraMicro server;
        try {
            server = PayaraMicro.start(setup, "index.html", timeout, null);
        } catch (IllegalStateException e) {
            System.err.println(
                    "\nThe ticker sample did not start: " + e.getMessage() + "\n(another port: -Dticker.port=9090)");
            System.exit(1);
            return;
        }
        String line = "=".repeat(72);
        System.out.println("\n" + line
                + "\n  Switchboard ticker sample is running. Open:  " + server.baseUri()
                + "\n  WebSocket:                                   "
                + server.baseUri().toString().replaceFirst("^http", "ws") + "ws/prices"
                + "\n  Metrics (Prometheus text):                   "
                + server.baseUri().resolve("/metrics?scope=application")
                + "\n  Listening on 127.0.0.1 only. Press Ctrl+C to stop."
                + "\n" + line + "\n");
        System.exit(server.process().waitFor());
    }
}
