package io.switchboard.impl.endpoint;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.conformance.ConformanceScenarios;
import io.switchboard.tck.conformance.EchoEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance scenarios deployed plain, the baseline, on Tyrus with Weld SE. */
class ConformancePlainTest extends ConformanceScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.PLAIN, EchoEndpoint.class);

    @Override
    protected URI base() {
        return server.base();
    }
}
