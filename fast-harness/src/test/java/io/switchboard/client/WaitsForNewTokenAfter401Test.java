package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.security.ChatMemberEndpoint;
import io.switchboard.tck.security.SecurityConfig;
import io.switchboard.tck.security.tokens.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Switchboard endpoint with {@code @RolesAllowed} refuses an expired token with HTTP 401: the client waits for its
 * supplier's next token, makes no attempt with the refused one, and tries at once when told a new one is ready.
 */
class WaitsForNewTokenAfter401Test {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, ChatMemberEndpoint.class)
            .withConfig(SecurityConfig.properties(Map.of()));

    @Test
    void aRefusedTokenIsNotOfferedAgainAndARenewedOneConnectsAtOnce() throws Exception {
        String expired = TestTokens.forUser("carol", "chat")
                .expiresIn(Duration.ofMinutes(-10))
                .sign();
        AtomicReference<String> current = new AtomicReference<>(expired);
        AtomicInteger asked = new AtomicInteger();
        ClientProbe probe = new ClientProbe();
        try (LoopbackProxy proxy = new LoopbackProxy(server.base().getPort());
                ReconnectingClient client = ReconnectingClient.builder(
                                ClientOptions.builder("tokens", proxy.uri("secure/chat"))
                                        .tokenSupplier(() -> {
                                            asked.incrementAndGet();
                                            return current.get();
                                        })
                                        // Looks for a new token after 0.1 s, 0.5 s, 2.1 s, 7.1 s (no jitter).
                                        .backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 4)
                                        .build())
                        .listener(probe)
                        .random(() -> 0.999)
                        .open()) {
            probe.awaitEntered(ClientState.WAITING_FOR_TOKEN, 1, Duration.ofSeconds(10));
            assertThat(probe.into(ClientState.WAITING_FOR_TOKEN).get(0).closeCode())
                    .as("the status in %s", probe.trail())
                    .isEqualTo(401);
            Thread.sleep(1200);
            // Asked before the attempt and at two looks since, each time the refused token: no attempt with it.
            assertThat(asked.get()).isGreaterThanOrEqualTo(3);
            assertThat(proxy.requests()).as("handshakes").hasSize(1);
            assertThat(client.state()).isEqualTo(ClientState.WAITING_FOR_TOKEN);

            String fresh = TestTokens.forUser("carol", "chat").sign();
            current.set(fresh);
            long renewedAt = System.nanoTime();
            client.tokenRenewed();
            probe.awaitEntered(ClientState.OPEN, 1, Duration.ofSeconds(3));
            // Well before the next scheduled look, at 2.1 s.
            Duration took = Duration.ofNanos(probe.lastAt(ClientState.OPEN) - renewedAt);
            assertThat(took).isLessThan(Duration.ofMillis(600));

            List<String> handshakes = proxy.requests();
            assertThat(handshakes).hasSize(2);
            assertThat(handshakes.get(0)).contains("Bearer " + expired);
            assertThat(handshakes.get(1)).contains("Bearer " + fresh).doesNotContain(expired);
            client.sendText("hello");
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.texts.contains("echo:hello"));
        }
    }
}
