package io.switchboard.impl.security;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.security.rotation.KeyRotationScenarios;
import io.switchboard.tck.security.rotation.RotatedChatEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key rotation scenarios on Tyrus with Weld SE: the configurator verifies tokens during the handshake. */
class KeyRotationHandshakeTest extends KeyRotationScenarios {

    @RegisterExtension
    static FastServerExtension server =
            new FastServerExtension(FastServer.Mode.SWITCHBOARD, RotatedChatEndpoint.class).withConfig(config());

    @Override
    protected URI base() {
        return server.base();
    }
}
