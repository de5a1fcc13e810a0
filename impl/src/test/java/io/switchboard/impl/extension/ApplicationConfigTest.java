package io.switchboard.impl.extension;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.appconfig.AppConfigEchoEndpoint;
import io.switchboard.tck.appconfig.AppConfigScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/** An application with its own {@code ServerApplicationConfig}, on Tyrus with Weld SE. */
class ApplicationConfigTest extends AppConfigScenarios {

    private static FastServer server;

    @BeforeAll
    static void start() throws Exception {
        server = FastServer.start(FastServer.Mode.SWITCHBOARD, AppConfigEchoEndpoint.class);
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
