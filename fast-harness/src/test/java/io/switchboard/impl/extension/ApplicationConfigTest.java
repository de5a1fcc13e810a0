package io.switchboard.impl.extension;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.appconfig.AppConfigEchoEndpoint;
import io.switchboard.tck.appconfig.AppConfigScenarios;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An application with its own {@code ServerApplicationConfig}, on Tyrus with Weld SE. */
class ApplicationConfigTest extends AppConfigScenarios {

    @RegisterExtension
    static FastServerExtension server =
            new FastServerExtension(FastServer.Mode.SWITCHBOARD, AppConfigEchoEndpoint.class);

    @Override
    protected URI base() {
        return server.base();
    }
}
