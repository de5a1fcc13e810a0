package io.switchboard.impl.security;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.security.ChatMemberEndpoint;
import io.switchboard.tck.security.SecurityConfig;
import io.switchboard.tck.security.TokenSourceScenarios;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The opt-in token sources on Tyrus with Weld SE. */
class TokenSourcesTest extends TokenSourceScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, ChatMemberEndpoint.class)
            .withConfig(SecurityConfig.properties(SOURCES));

    @Override
    protected URI base() {
        return server.base();
    }
}
