package io.switchboard.samples.relay;

import io.switchboard.launch.DeployedWar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two servers every relay test shares, started at the first call and stopped when the test JVM exits (the
 * launchers' shutdown hooks): the ticker on Payara Micro ({@link TickerProcess}), and the relay's WAR at
 * {@code /relay} on the run's server (Payara Micro, then WildFly: see {@code samples/pom.xml}), reading the ticker.
 * They start side by side; the relay's client backs off until the ticker answers.
 */
final class RunningRelay {

    /** The relay WAR's context root. */
    static final String CONTEXT_ROOT = "/relay";

    private static TickerProcess ticker;
    private static DeployedWar relay;

    private RunningRelay() {}

    /** The ticker the relay reads. */
    static synchronized TickerProcess ticker() throws Exception {
        start();
        return ticker;
    }

    /** The relay. */
    static synchronized DeployedWar relay() throws Exception {
        start();
        return relay;
    }

    /** The relay's system properties, reading a ticker: the run's options and the client's {@code url}. */
    private static List<String> relayOptions(TickerProcess feed) {
        List<String> options = new ArrayList<>(DeployedWar.runOptions());
        options.add("-Dswitchboard.client.ticker.url=" + feed.prices());
        return options;
    }

    private static void start() throws Exception {
        if (relay != null) {
            return;
        }
        TickerProcess feed = TickerProcess.on("ticker");
        ExecutorService starter = Executors.newSingleThreadExecutor();
        try {
            Future<?> feedStarted = starter.submit(() -> {
                feed.start();
                return null;
            });
            DeployedWar started = DeployedWar.startSeparately("relay", CONTEXT_ROOT, "index.html", relayOptions(feed));
            try {
                feedStarted.get();
            } catch (ExecutionException e) {
                started.close();
                throw new IllegalStateException("The ticker did not start", e.getCause());
            }
            ticker = feed;
            relay = started;
        } catch (Exception e) {
            feed.close();
            throw e;
        } finally {
            starter.shutdown();
        }
    }
}
