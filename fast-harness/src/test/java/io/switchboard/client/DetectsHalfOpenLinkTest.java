package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A link that goes silent both ways while both sockets stay open (a NAT or a load balancer that forgot the flow):
 * no close, no error, only pongs that never come. The heartbeat finds it within its interval and timeout, and the
 * client reconnects once the path forwards again.
 */
class DetectsHalfOpenLinkTest {
    static final Duration INTERVAL = Duration.ofMillis(200);
    static final Duration TIMEOUT = Duration.ofMillis(300);

    @ServerEndpoint("/half-open/echo")
    public static class EchoEndpoint {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void aSilentLinkIsGivenUpWithinIntervalPlusTimeoutAndReplaced() throws Exception {
        ClientProbe probe = new ClientProbe();
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, EchoEndpoint.class);
                LoopbackProxy proxy = new LoopbackProxy(server.base().getPort());
                ReconnectingClient client = Clients.open(
                        Clients.quick("half-open", proxy.uri("half-open/echo"))
                                .heartbeat(INTERVAL, TIMEOUT)
                                .build(),
                        probe)) {
            probe.awaitEntered(ClientState.OPEN, 1, Duration.ofSeconds(10));
            // A few heartbeats go through while the path is healthy: no false alarm.
            Thread.sleep(3 * INTERVAL.toMillis());
            assertThat(client.state()).isEqualTo(ClientState.OPEN);

            long frozenAt = System.nanoTime();
            proxy.freeze();
            await().atMost(Duration.ofSeconds(5)).until(() -> client.state() != ClientState.OPEN);
            long detected = probe.changes.stream()
                    .filter(c -> c.change().from() == ClientState.OPEN)
                    .mapToLong(ClientProbe.Change::at)
                    .findFirst()
                    .orElseThrow();
            Duration took = Duration.ofNanos(detected - frozenAt);
            System.out.println("DetectsHalfOpenLink: detected after " + took.toMillis() + " ms");
            // The worst case: a ping just before the freeze was answered, the next goes an interval later, and its
            // pong is overdue a timeout after that; the watchdog looks every quarter of the shortest deadline.
            assertThat(took).isLessThan(INTERVAL.plus(TIMEOUT).plus(Duration.ofMillis(400)));
            ClientStateChanged drop = probe.changes.stream()
                    .map(ClientProbe.Change::change)
                    .filter(c -> c.from() == ClientState.OPEN)
                    .findFirst()
                    .orElseThrow();
            assertThat(drop.closeCode()).isEqualTo(1006);
            assertThat(drop.reason()).contains("pong");

            proxy.thaw();
            probe.awaitEntered(ClientState.OPEN, 2, Duration.ofSeconds(10));
            client.sendText("still there?");
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.texts.contains("still there?"));
            assertThat(proxy.connections()).isGreaterThanOrEqualTo(2);
        }
    }
}
