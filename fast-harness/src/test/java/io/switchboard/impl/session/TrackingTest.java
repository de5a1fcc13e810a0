package io.switchboard.impl.session;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.tracking.QuietEndpoint;
import io.switchboard.tck.tracking.TrackingScenarios;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tracking scenarios on Tyrus with Weld SE. */
class TrackingTest extends TrackingScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class)
            .withConfig("switchboard.default.heartbeat.interval", HEARTBEAT)
            .withConfig("switchboard.default.heartbeat.timeout", HEARTBEAT);

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected boolean servletContainer() {
        return false;
    }
}
