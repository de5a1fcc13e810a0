package io.switchboard.impl.extension;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.appconfig.AppConfigEchoEndpoint;
import io.switchboard.tck.appconfig.AppConfigScenarios;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

/** An application with its own {@code ServerApplicationConfig}, on Tyrus with Weld SE. */
class ApplicationConfigTest extends AppConfigScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, AppConfigEchoEndpoint.class);

    @Override
    protected URI base() {
        return server.base();
    }
}
