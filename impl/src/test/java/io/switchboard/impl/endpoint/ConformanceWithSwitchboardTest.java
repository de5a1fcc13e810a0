package io.switchboard.impl.endpoint;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.conformance.ConformanceScenarios;
import io.switchboard.tck.conformance.EchoEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/** The conformance scenarios through Switchboard's bridge, on Tyrus with Weld SE. */
class ConformanceWithSwitchboardTest extends ConformanceScenarios {

    private static FastServer server;

    @BeforeAll
    static void start() throws Exception {
        server = FastServer.start(FastServer.Mode.SWITCHBOARD, EchoEndpoint.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected URI base() {
        return server.base();
    }
}
