package io.switchboard.samples.chat;

import io.switchboard.payara.PayaraMicro;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the chat sample until Ctrl+C ({@code -Prun}, see the pom): the WAR on Payara Micro, started by the project's
 * one launcher ({@link PayaraMicro}, which {@link ChatSampleIT} uses too), then a banner that says where to look.
 *
 * <p>{@code ChatServer --payara P --war W --workdir D --port N [--demo true] [--timeout SECONDS]}: {@code --demo
 * true} switches the sample's demo mode on ({@code -Dchat.demo=true} in Payara's JVM), which serves
 * {@code POST /chat/api/token}.
 */
public final class ChatServer {

    private ChatServer() {}

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
            System.err.println("Missing " + missing + "; usage: ChatServer --payara P --war W --workdir D --port N");
            System.exit(2);
        }
        PayaraMicro.Setup setup = new PayaraMicro.Setup(
                Path.of(options.get("--payara")),
                Path.of(options.get("--war")),
                Path.of(options.get("--workdir")),
                Integer.parseInt(options.get("--port")),
                List.of("-Dchat.demo=" + Boolean.parseBoolean(options.getOrDefault("--demo", "false"))),
                "/chat");
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout", "180")));

        // Maven does not stop what exec:exec started when Maven itself is killed: follow it out.
        ProcessHandle.current().parent().ifPresent(maven -> maven.onExit().thenRun(() -> System.exit(143)));

        PayaraMicro server;
        try {
            server = PayaraMicro.start(setup, "/chat/", timeout, null);
        } catch (IllegalStateException e) {
            System.err.println(
                    "\nThe chat sample did not start: " + e.getMessage() + "\n(another port: -Dchat.port=9090)");
            System.exit(1);
            return;
        }
        String line = "=".repeat(72);
        int port = setup.port();
        System.out.println("\n" + line
                + "\n  Switchboard chat sample is running. Open:  http://localhost:" + port + "/chat/"
                + "\n                                         or  http://127.0.0.1:" + port + "/chat/"
                + "\n  WebSocket:     ws://localhost:" + port + "/chat/ws/{room}"
                + "\n  Demo tokens:   POST http://localhost:" + port + "/chat/api/token  (form field user)"
                + (Boolean.parseBoolean(options.getOrDefault("--demo", "false")) ? "" : "  -- off (no --demo true)")
                + "\n  Listening on 127.0.0.1 only. Press Ctrl+C to stop."
                + "\n" + line + "\n");
        System.exit(server.process().waitFor());
    }
}
