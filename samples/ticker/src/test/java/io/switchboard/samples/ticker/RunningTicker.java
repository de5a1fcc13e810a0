package io.switchboard.samples.ticker;

import io.switchboard.payara.PayaraMicro;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The packaged WAR on one Payara Micro, shared by every integration test of this module: started by the project's
 * launcher at the first call, at {@code /ticker} on a free loopback port, and stopped when the test JVM exits (the
 * launcher's shutdown hook).
 */
final class RunningTicker {

    /** The WAR's context root. */
    static final String CONTEXT_ROOT = "/ticker";

    private static PayaraMicro server;

    private RunningTicker() {}

    /** The running server, started if it is not yet. */
    static synchronized PayaraMicro server() throws IOException, InterruptedException {
        if (server == null) {
            Path workDir = Path.of(System.getProperty("ticker.workdir"));
            PayaraMicro.Setup setup = new PayaraMicro.Setup(
                    Path.of(System.getProperty("ticker.payara.jar")),
                    Path.of(System.getProperty("ticker.war")),
                    workDir,
                    PayaraMicro.freePort(),
                    List.of(),
                    CONTEXT_ROOT);
            Duration startup = Duration.ofSeconds(Long.getLong("ticker.startup.timeout", 180));
            server = PayaraMicro.start(setup, "index.html", startup, workDir.resolve("payara.log"));
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>/ticker/}. */
    static URI page() throws IOException, InterruptedException {
        return server().baseUri();
    }

    /** {@code ws://127.0.0.1:<port>/ticker/ws/prices}. */
    static URI prices() throws IOException, InterruptedException {
        return URI.create(page().toString().replaceFirst("^http", "ws") + "ws/prices");
    }

    /** Payara Micro's MicroProfile Metrics, the application registry: {@code /metrics?scope=application}. */
    static URI metrics() throws IOException, InterruptedException {
        return page().resolve("/metrics?scope=application");
    }
}
