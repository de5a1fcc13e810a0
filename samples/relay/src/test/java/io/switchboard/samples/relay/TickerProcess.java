package io.switchboard.samples.relay;

import io.switchboard.launch.DeployedWar;
import io.switchboard.payara.PayaraMicro;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ticker sample's WAR (the feed the relay reads) on a Payara Micro of its own, in both test runs, on a port that
 * stays the same across a {@link #kill()} and the next {@link #start()}, as a service's address does.
 */
final class TickerProcess implements AutoCloseable {

    /** System property: the ticker sample's WAR (the pom copies it into target/). */
    static final String WAR = "relay.ticker.war";

    private final Path workDir;
    private final int port;
    private int starts;
    private PayaraMicro payara;

    private TickerProcess(Path workDir, int port) {
        this.workDir = workDir;
        this.port = port;
    }

    /** A ticker not started yet, on a port free now: {@link #start()} starts it. */
    static TickerProcess on(String name) throws IOException {
        return new TickerProcess(Path.of(required(DeployedWar.WORK_DIR)).resolve(name), PayaraMicro.freePort());
    }

    /** Where the relay reads it: {@code ws://127.0.0.1:<port>/ticker/ws/prices}. */
    URI prices() {
        return URI.create("ws://127.0.0.1:" + port + "/ticker/ws/prices");
    }

    /** Kills the ticker's JVM (SIGKILL), as a crash would: no close frame reaches anyone. */
    void kill() throws InterruptedException {
        Process process = payara.process();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The ticker's Payara Micro outlived SIGKILL for 30 s");
        }
    }

    /** Starts the ticker (again, after {@link #kill()}) on its port, and returns once its page answers. */
    void start() throws IOException, InterruptedException {
        starts++;
        payara = PayaraMicro.start(
                new PayaraMicro.Setup(
                        Path.of(required(DeployedWar.PAYARA_JAR)),
                        Path.of(required(WAR)),
                        workDir,
                        port,
                        List.of(),
                        "/ticker"),
                "index.html",
                Duration.ofSeconds(Long.getLong(DeployedWar.TIMEOUT, 180)),
                workDir.resolve("payara-" + starts + ".log")); // a log of each start's own
    }

    @Override
    public void close() {
        if (payara != null) {
            payara.close();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (see the pom)");
        }
        return value;
    }
}
