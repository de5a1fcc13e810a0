package io.switchboard.impl.session;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.tracking.QuietEndpoint;
import io.switchboard.tck.tracking.TrackingScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/** The tracking scenarios on Tyrus with Weld SE. */
class TrackingTest extends TrackingScenarios {

    private static FastServer server;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("switchboard.default.heartbeat.interval", HEARTBEAT);
        System.setProperty("switchboard.default.heartbeat.timeout", HEARTBEAT);
        server = FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class);
    }

    @AfterAll
    static void stop() {
        server.close();
        System.clearProperty("switchboard.default.heartbeat.interval");
        System.clearProperty("switchboard.default.heartbeat.timeout");
    }

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected boolean servletContainer() {
        return false;
    }
}
