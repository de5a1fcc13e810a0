package io.switchboard.impl.limit;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.ratelimit.RateLimitScenarios;
import io.switchboard.tck.ratelimit.ThrottledRoomEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rate limit scenarios on Tyrus with Weld SE (no handshake filter: refusals come right after the upgrade). */
class RateLimitsTest extends RateLimitScenarios {

    @RegisterExtension
    static FastServerExtension server =
            new FastServerExtension(FastServer.Mode.SWITCHBOARD, ThrottledRoomEndpoint.class);

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected boolean servletContainer() {
        return false;
    }
}
