package io.switchboard.samples.relay;

import io.switchboard.launch.SampleRun;
import java.util.List;

/**
 * Runs the relay sample until Ctrl+C ({@code -Prun}, see the pom): the WAR at {@code /relay} on Payara Micro, reading
 * the ticker at {@code --ticker} ({@code -Dswitchboard.client.ticker.url} in Payara's JVM), started by the project's
 * one launcher (through {@link SampleRun}, as every sample's {@code -Prun}), then a banner that says where to look.
 *
 * <p>{@code RelayServer --payara P --war W --workdir D --port N --ticker ws://... [--timeout SECONDS]}
 */
public final class RelayServer {

    private RelayServer() {}

    public static void main(String[] args) throws Exception {
        SampleRun run = SampleRun.of("relay", args);
        String ticker = run.option("--ticker", "ws://127.0.0.1:8080/ticker/ws/prices");
        String page = "http://127.0.0.1:" + run.port() + RunningRelay.CONTEXT_ROOT + "/";
        run.runUntilStopped(
                RunningRelay.CONTEXT_ROOT,
                List.of("-Dswitchboard.client.ticker.url=" + ticker),
                "relay.port",
                List.of(
                        "Switchboard relay sample is running. Open:  " + page,
                        "Relayed ticks and link state:               " + page.replaceFirst("^http", "ws")
                                + "ws/relay/SWB",
                        "Reading the ticker at:                      " + ticker + "  (-Drelay.ticker=...)",
                        "Metrics (Prometheus text):                  http://127.0.0.1:" + run.port()
                                + "/metrics?scope=application"));
    }
}
