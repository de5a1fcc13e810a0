package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts the TCP connection at once but answers the handshake only after longer than
 * {@code connect-timeout}: the client abandons each slow attempt at the timeout, tries again, and connects once the
 * server answers in time, leaving no connection of an abandoned attempt open on the server.
 */
class AbandonsSlowHandshakeTest {
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    @ServerEndpoint("/slow/echo")
    public static class EchoEndpoint {
        static final AtomicInteger OPEN = new AtomicInteger();

        @OnOpen
        public void open() {
            OPEN.incrementAndGet();
        }

        @OnClose
        public void close() {
            OPEN.decrementAndGet();
        }

        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void slowHandshakesAreAbandonedAtTheTimeoutAndRetried() throws Exception {
        EchoEndpoint.OPEN.set(0);
        ClientProbe probe = new ClientProbe();
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, EchoEndpoint.class);
                LoopbackProxy proxy = new LoopbackProxy(server.base().getPort())) {
            proxy.delayResponses(2, CONNECT_TIMEOUT.multipliedBy(3));
            long start = System.nanoTime();
            try (ReconnectingClient client = Clients.open(
                    Clients.quick("slow", proxy.uri("slow/echo"))
                            .connectTimeout(CONNECT_TIMEOUT)
                            .backoff(Duration.ofMillis(20), Duration.ofMillis(100), 2)
                            .build(),
                    probe)) {
                probe.awaitEntered(ClientState.OPEN, 1, Duration.ofSeconds(10));
                List<ClientStateChanged> backOffs = probe.into(ClientState.BACKING_OFF);
                assertThat(backOffs).as(probe.trail()).hasSizeGreaterThanOrEqualTo(2);
                assertThat(backOffs.subList(0, 2))
                        .allSatisfy(b -> assertThat(b.reason()).contains("connect-timeout"));
                Duration firstGivenUp = Duration.ofNanos(probe.changes.stream()
                                .filter(c -> c.change().to() == ClientState.BACKING_OFF)
                                .findFirst()
                                .orElseThrow()
                                .at()
                        - start);
                assertThat(firstGivenUp)
                        .isGreaterThanOrEqualTo(CONNECT_TIMEOUT.minusMillis(50))
                        .isLessThan(CONNECT_TIMEOUT.plusMillis(500));
                assertThat(proxy.connections()).isEqualTo(backOffs.size() + 1);

                client.sendText("hello");
                await().atMost(Duration.ofSeconds(5)).until(() -> probe.texts.contains("hello"));
                // The server opened the abandoned attempts too; once their late answers arrive, they are closed.
                await().atMost(Duration.ofSeconds(10)).until(() -> EchoEndpoint.OPEN.get() == 1);
                assertThat(client.state()).isEqualTo(ClientState.OPEN);
            }
        }
    }
}
