package io.switchboard.samples.ticker;

import io.switchboard.launch.DeployedWar;
import java.io.IOException;
import java.net.URI;

/**
 * The packaged WAR at {@code /ticker} on the server of this test run (Payara Micro, then WildFly: see
 * {@code samples/pom.xml}), shared by every integration test of the run and stopped when the test JVM exits.
 */
final class RunningTicker {

    /** The WAR's context root. */
    static final String CONTEXT_ROOT = "/ticker";

    private RunningTicker() {}

    private static DeployedWar war() throws IOException, InterruptedException {
        return DeployedWar.at(CONTEXT_ROOT, "index.html");
    }

    /** {@code http://127.0.0.1:<port>/ticker/}. */
    static URI page() throws IOException, InterruptedException {
        return war().page();
    }

    /** {@code ws://127.0.0.1:<port>/ticker/ws/prices}. */
    static URI prices() throws IOException, InterruptedException {
        return war().webSocket("ws/prices");
    }

    /** The server's Prometheus text of the application's meters (Payara's MP Metrics, WildFly's Micrometer). */
    static URI metrics() throws IOException, InterruptedException {
        return war().metrics();
    }
}
