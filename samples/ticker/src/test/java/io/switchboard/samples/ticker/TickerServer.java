package io.switchboard.samples.ticker;

import io.switchboard.launch.SampleRun;
import java.util.List;

/**
 * Runs the ticker sample until Ctrl+C ({@code -Prun}, see the pom): the WAR at {@code /ticker} on Payara Micro,
 * started by the project's one launcher (through {@link SampleRun}, as every sample's {@code -Prun}), then a banner
 * that says where to look.
 *
 * <p>{@code TickerServer --payara P --war W --workdir D --port N [--timeout SECONDS]}
 */
public final class TickerServer {

    private TickerServer() {}

    public static void main(String[] args) throws Exception {
        SampleRun run = SampleRun.of("ticker", args);
        String page = "http://127.0.0.1:" + run.port() + RunningTicker.CONTEXT_ROOT + "/";
        run.runUntilStopped(
                RunningTicker.CONTEXT_ROOT,
                List.of(),
                "ticker.port",
                List.of(
                        "Switchboard ticker sample is running. Open:  " + page,
                        "WebSocket:                                   " + page.replaceFirst("^http", "ws")
                                + "ws/prices",
                        "Metrics (Prometheus text):                   http://127.0.0.1:" + run.port()
                                + "/metrics?scope=application"));
    }
}
