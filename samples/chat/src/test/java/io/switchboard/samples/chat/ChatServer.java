package io.switchboard.samples.chat;

import io.switchboard.launch.SampleRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the chat sample until Ctrl+C ({@code -Prun}, see the pom): the WAR on Payara Micro, started by the project's
 * one launcher (through {@link SampleRun}, as every sample's {@code -Prun}), then a banner that says where to look.
 *
 * <p>{@code ChatServer --payara P --war W --workdir D --port N [--demo true] [--timeout SECONDS]}: {@code --demo
 * true} switches the sample's demo mode on ({@code -Dchat.demo=true} in Payara's JVM), which serves
 * {@code POST /chat/api/token}; {@code --redis redis://127.0.0.1:6379} makes this node share its rooms with every
 * other node on that Redis ({@code switchboard.backplane=redis}).
 */
public final class ChatServer {

    private ChatServer() {}

    public static void main(String[] args) throws Exception {
        SampleRun run = SampleRun.of("chat", args);
        boolean demo = Boolean.parseBoolean(run.option("--demo", "false"));
        int port = run.port();
        String redis = run.option("--redis", "none");
        List<String> options = new ArrayList<>(List.of("-Dchat.demo=" + demo));
        if (!redis.equals("none")) {
            options.add("-Dswitchboard.backplane=redis");
            options.add("-Dswitchboard.backplane.redis.url=" + redis);
        }
        run.runUntilStopped(
                "/chat",
                options,
                "chat.port",
                List.of(
                        "Switchboard chat sample is running. Open:  http://localhost:" + port + "/chat/",
                        "                                       or  http://127.0.0.1:" + port + "/chat/",
                        "WebSocket:     ws://localhost:" + port + "/chat/ws/{room}",
                        "Demo tokens:   POST http://localhost:" + port + "/chat/api/token  (form field user)"
                                + (demo ? "" : "  -- off (no --demo true)"),
                        "Cluster:       "
                                + (redis.equals("none")
                                        ? "off (-Dchat.redis=redis://127.0.0.1:6379 joins one)"
                                        : "rooms shared through " + redis)));
    }
}
