package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.security.ChatMemberEndpoint;
import io.switchboard.tck.security.SecurityConfig;
import io.switchboard.tck.security.tokens.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A static token the server refuses with HTTP 401, and no supplier to ask for another: retrying cannot help, so the
 * client gives up, and what it had buffered fails with {@link SendRefusedException.Reason#CLOSED}.
 */
class GivesUpOn401WithoutTokenSupplierTest {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, ChatMemberEndpoint.class)
            .withConfig(SecurityConfig.properties(Map.of()));

    @Test
    void theClientGivesUpAndFailsWhatItBuffered() throws Exception {
        String expired = TestTokens.forUser("dave", "chat")
                .expiresIn(Duration.ofMinutes(-10))
                .sign();
        ClientProbe probe = new ClientProbe();
        try (LoopbackProxy proxy = new LoopbackProxy(server.base().getPort());
                ReconnectingClient client = Clients.open(
                        Clients.quick("static-token", proxy.uri("secure/chat"))
                                .token(expired)
                                .connectAtStartup(false)
                                .build(),
                        probe)) {
            // Buffered before the first attempt: the first send starts a lazy client.
            List<CompletableFuture<Void>> sends = List.of(client.sendText("one"), client.sendText("two"));
            probe.awaitEntered(ClientState.GAVE_UP, 1, Duration.ofSeconds(10));

            ClientStateChanged gaveUp = probe.into(ClientState.GAVE_UP).get(0);
            assertThat(gaveUp.closeCode()).as(probe.trail()).isEqualTo(401);
            assertThat(gaveUp.reason()).doesNotContain(expired);
            for (CompletableFuture<Void> send : sends) {
                assertThat(send)
                        .failsWithin(Duration.ofSeconds(1))
                        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                        .havingCause()
                        .isInstanceOfSatisfying(
                                SendRefusedException.class,
                                refused -> assertThat(refused.reason()).isEqualTo(SendRefusedException.Reason.CLOSED));
            }
            Thread.sleep(500);
            assertThat(proxy.requests()).as("handshakes").hasSize(1);
            assertThat(client.sendText("three"))
                    .failsWithin(Duration.ofSeconds(1))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(SendRefusedException.class);
            assertThat(client.buffered()).isZero();
        }
    }
}
