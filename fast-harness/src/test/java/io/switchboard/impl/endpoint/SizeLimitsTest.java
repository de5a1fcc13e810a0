package io.switchboard.impl.endpoint;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.limits.LimitedWholeEndpoint;
import io.switchboard.tck.limits.SizeLimitScenarios;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The size limit scenarios on Tyrus with Weld SE. */
class SizeLimitsTest extends SizeLimitScenarios {

    @RegisterExtension
    static FastServerExtension server =
            new FastServerExtension(FastServer.Mode.SWITCHBOARD, LimitedWholeEndpoint.class);

    @Override
    protected URI base() {
        return server.base();
    }
}
