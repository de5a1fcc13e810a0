package io.switchboard.tck.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.security.tokens.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the server's own MP-JWT enabled ({@code @LoginConfig}), a header token is the container's to verify:
 * Switchboard takes the container's principal rather than verifying twice, but still refuses a token outside its
 * time window. Tokens the container does not read (the subprotocol route) are verified by Switchboard.
 */
public abstract class ContainerJwtScenarios {

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    @Test
    void aHeaderTokenTheContainerVerifiedIsTakenAsItIs() {
        String token = TestTokens.forUser("alice", "chat").sign();
        try (TestClient alice =
                TestClient.connect(base().resolve("secure/chat"), Map.of("Authorization", "Bearer " + token))) {
            assertThat(alice.ask("whoami"))
                    .contains("session=alice", "tracked=alice", "groups=chat", "verifier=container", "parameter=alice");
        }
    }

    @Test
    void aSubprotocolTokenIsStillSwitchboardsToVerify() {
        String token = TestTokens.forUser("bob", "chat").sign();
        try (TestClient bob = TestClient.connect(base().resolve("secure/chat"), TestTokens.MARKER, token)) {
            assertThat(bob.ask("whoami")).contains("tracked=bob", "verifier=switchboard");
        }
    }

    @Test
    void aContainerTokenOutsideItsTimeWindowIsRefused() throws IOException {
        String early = TestTokens.forUser("mallory", "chat")
                .notBefore(Duration.ofHours(1))
                .sign();
        try (RawClient client =
                RawClient.handshake(base().resolve("secure/chat"), List.of("Authorization: Bearer " + early))) {
            assertThat(client.status()).isEqualTo(401);
        }
        String forged = TestTokens.forUser("mallory", "chat").forged().sign();
        try (RawClient client =
                RawClient.handshake(base().resolve("secure/chat"), List.of("Authorization: Bearer " + forged))) {
            assertThat(client.status()).isEqualTo(401);
        }
    }
}
