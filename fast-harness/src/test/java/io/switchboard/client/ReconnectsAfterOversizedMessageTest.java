package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A server that sends a message larger than the client's {@code max-message-size}: the client closes that connection
 * with 1009 and reconnects, text or binary, and messages within the limit flow again.
 */
class ReconnectsAfterOversizedMessageTest {
    static final int LIMIT = 1024;

    @ServerEndpoint("/flood/answer")
    public static class FloodingEndpoint {
        static final List<Integer> CLOSE_CODES = new CopyOnWriteArrayList<>();

        @OnMessage
        public void answer(String ask, Session session) throws IOException {
            switch (ask) {
                case "big text" -> session.getBasicRemote().sendText("t".repeat(LIMIT * 2));
                case "big binary" -> session.getBasicRemote().sendBinary(ByteBuffer.allocate(LIMIT * 2));
                default -> session.getBasicRemote().sendText("small:" + ask);
            }
        }

        @OnClose
        public void closed(CloseReason reason) {
            CLOSE_CODES.add(reason.getCloseCode().getCode());
        }
    }

    @Test
    void anOversizedTextOrBinaryMessageEndsTheConnectionAndTheClientComesBack() throws Exception {
        FloodingEndpoint.CLOSE_CODES.clear();
        ClientProbe probe = new ClientProbe();
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, FloodingEndpoint.class);
                ReconnectingClient client = Clients.open(
                        Clients.quick("flooded", server.base().resolve("flood/answer"))
                                .maxMessageSize(LIMIT)
                                .build(),
                        probe)) {
            probe.awaitEntered(ClientState.OPEN, 1, Duration.ofSeconds(10));
            client.sendText("big text");
            probe.awaitEntered(ClientState.OPEN, 2, Duration.ofSeconds(10));
            client.sendText("big binary");
            probe.awaitEntered(ClientState.OPEN, 3, Duration.ofSeconds(10));
            client.sendText("fine");
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.texts.contains("small:fine"));

            assertThat(probe.texts).containsExactly("small:fine");
            assertThat(probe.binaries).isEmpty();
            assertThat(probe.changes.stream().filter(c -> c.change().from() == ClientState.OPEN))
                    .as(probe.trail())
                    .hasSize(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> FloodingEndpoint.CLOSE_CODES.size() == 2);
            assertThat(FloodingEndpoint.CLOSE_CODES).containsExactly(1009, 1009);
        }
    }
}
