package io.switchboard.client;

import static io.switchboard.client.Clients.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.SendRefusedException.Reason;
import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Under {@link BufferPolicy#FAIL_FAST} a send while not connected fails at once with {@link Reason#NOT_CONNECTED},
 * before the first connection and after a drop, and one while connected goes out.
 */
class FailFastRefusesWhileDisconnectedTest {

    @ServerEndpoint("/fail-fast/echo")
    public static class EchoEndpoint {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void sendsFailWhileDisconnectedAndGoOutWhileConnected() throws Exception {
        ClientProbe probe = new ClientProbe();
        FastServer server = FastServer.start(FastServer.Mode.PLAIN, EchoEndpoint.class);
        boolean stopped = false;
        try (ReconnectingClient client = Clients.open(
                Clients.quick("fail-fast", server.base().resolve("fail-fast/echo"))
                        .buffer(100, 1024, BufferPolicy.FAIL_FAST)
                        .connectAtStartup(false)
                        .build(),
                probe)) {
            // A send to an idle client starts it, and fails: it is not connected yet.
            assertRefused(client.sendText("too early"), Reason.NOT_CONNECTED);
            probe.awaitEntered(ClientState.OPEN, 1, Duration.ofSeconds(10));
            client.sendText("on time").get();
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.texts.contains("on time"));

            server.close();
            stopped = true;
            await().atMost(Duration.ofSeconds(5)).until(() -> client.state() != ClientState.OPEN);
            assertRefused(client.sendText("too late"), Reason.NOT_CONNECTED);
            assertThat(client.buffered()).isZero();
            assertThat(probe.texts).containsExactly("on time");
        } finally {
            if (!stopped) {
                server.close();
            }
        }
    }
}
