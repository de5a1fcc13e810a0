package io.switchboard.impl.handshake;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.spelling.GuardedExactEndpoint;
import io.switchboard.tck.spelling.SpellingScenarios;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The path-spelling corpus on Tyrus with Weld SE: no filter, so the configurator refuses during the handshake. */
class PathSpellingTest extends SpellingScenarios {

    @RegisterExtension
    static FastServerExtension server =
            new FastServerExtension(FastServer.Mode.SWITCHBOARD, GuardedExactEndpoint.class).withConfig(config());

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected boolean servletContainer() {
        return false;
    }
}
