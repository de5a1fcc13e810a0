package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts the connection and then closes it with 1008 (policy violation) for a token it no longer
 * takes: with a token supplier the client waits for a different token and offers the refused one no more; without
 * one it gives up.
 */
class Close1008WaitsForNewTokenOrGivesUpTest {
    static FastServer server;

    /** Records each handshake's bearer token where the endpoint can read it. */
    public static class TokenReader extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            List<String> authorization = request.getHeaders().get("Authorization");
            config.getUserProperties()
                    .put(
                            "token",
                            authorization == null ? "" : authorization.get(0).replace("Bearer ", ""));
        }
    }

    @ServerEndpoint(value = "/policy/revoking", configurator = TokenReader.class)
    public static class RevokingEndpoint {
        static final List<String> TOKENS = new CopyOnWriteArrayList<>();

        @OnOpen
        public void open(Session session, EndpointConfig config) throws IOException {
            String token = (String) config.getUserProperties().get("token");
            TOKENS.add(token);
            if (token.equals("revoked")) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token revoked"));
            }
        }

        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = FastServer.start(FastServer.Mode.PLAIN, RevokingEndpoint.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        RevokingEndpoint.TOKENS.clear();
    }

    @Test
    void withASupplierTheClientWaitsForADifferentToken() throws Exception {
        AtomicReference<String> token = new AtomicReference<>("revoked");
        AtomicInteger asked = new AtomicInteger();
        ClientProbe probe = new ClientProbe();
        try (ReconnectingClient client = ReconnectingClient.builder(
                        ClientOptions.builder("policy", server.base().resolve("policy/revoking"))
                                .tokenSupplier(() -> {
                                    asked.incrementAndGet();
                                    return token.get();
                                })
                                // Looks for a new token after 0.1 s, 0.5 s, 2.1 s, 7.1 s (no jitter).
                                .backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 4)
                                .build())
                .listener(probe)
                .random(() -> 0.999)
                .open()) {
            probe.awaitEntered(ClientState.WAITING_FOR_TOKEN, 1, Duration.ofSeconds(10));
            assertThat(probe.into(ClientState.WAITING_FOR_TOKEN).get(0).closeCode())
                    .isEqualTo(1008);
            Thread.sleep(1200);
            assertThat(asked.get()).isGreaterThanOrEqualTo(3);
            assertThat(RevokingEndpoint.TOKENS).containsExactly("revoked");

            token.set("renewed");
            long renewedAt = System.nanoTime();
            client.tokenRenewed();
            probe.awaitEntered(ClientState.OPEN, 2, Duration.ofSeconds(3));
            assertThat(Duration.ofNanos(probe.lastAt(ClientState.OPEN) - renewedAt))
                    .isLessThan(Duration.ofMillis(600));
            Thread.sleep(200);
            assertThat(client.state()).isEqualTo(ClientState.OPEN);
            assertThat(RevokingEndpoint.TOKENS).containsExactly("revoked", "renewed");
        }
    }

    @Test
    void withoutASupplierTheClientGivesUp() throws Exception {
        ClientProbe probe = new ClientProbe();
        try (ReconnectingClient client = Clients.open(
                Clients.quick("policy-static", server.base().resolve("policy/revoking"))
                        .token("revoked")
                        .build(),
                probe)) {
            probe.awaitEntered(ClientState.GAVE_UP, 1, Duration.ofSeconds(10));
            assertThat(probe.into(ClientState.GAVE_UP).get(0).closeCode()).isEqualTo(1008);
            Thread.sleep(300);
            assertThat(RevokingEndpoint.TOKENS).containsExactly("revoked");
            assertThat(client.state()).isEqualTo(ClientState.GAVE_UP);
        }
    }
}
