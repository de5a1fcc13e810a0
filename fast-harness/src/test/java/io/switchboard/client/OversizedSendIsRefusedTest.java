package io.switchboard.client;

import static io.switchboard.client.Clients.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.SendRefusedException.Reason;
import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A message larger than {@code max-message-size} is refused with {@link Reason#TOO_BIG} at the send, connected or not,
 * text counted in UTF-8; one of exactly the limit goes out.
 */
class OversizedSendIsRefusedTest {
    static final int LIMIT = 16;

    @ServerEndpoint("/oversized/echo")
    public static class EchoEndpoint {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void overTheLimitIsRefusedAndAtTheLimitIsSent() throws Exception {
        ClientProbe probe = new ClientProbe();
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, EchoEndpoint.class);
                ReconnectingClient client = Clients.open(
                        Clients.quick("oversized", server.base().resolve("oversized/echo"))
                                .maxMessageSize(LIMIT)
                                .connectAtStartup(false)
                                .build(),
                        probe)) {
            assertRefused(client.sendText("x".repeat(LIMIT + 1)), Reason.TOO_BIG);
            assertRefused(client.sendBinary(ByteBuffer.allocate(LIMIT + 1)), Reason.TOO_BIG);
            client.connect();
            probe.awaitEntered(ClientState.OPEN, 1, Duration.ofSeconds(10));

            // Nine characters, eighteen bytes.
            assertRefused(client.sendText("é".repeat(9)), Reason.TOO_BIG);
            assertRefused(client.sendBinary(ByteBuffer.allocate(LIMIT + 1)), Reason.TOO_BIG);
            client.sendText("y".repeat(LIMIT)).get();
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.texts.contains("y".repeat(LIMIT)));
            assertThat(probe.texts).hasSize(1);
        }
    }
}
