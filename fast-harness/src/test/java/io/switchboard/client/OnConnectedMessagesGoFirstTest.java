package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The {@code onConnected} hook (where a client subscribes again) runs on every connection, and what it sends reaches
 * the server before anything buffered while disconnected.
 */
class OnConnectedMessagesGoFirstTest {

    @ServerEndpoint("/hook/record")
    public static class RecordingEndpoint {
        /** Per connection, in order, what it read. */
        static final List<List<String>> READ = new CopyOnWriteArrayList<>();

        private final List<String> mine = new CopyOnWriteArrayList<>();

        @OnOpen
        public void open() {
            READ.add(mine);
        }

        @OnMessage
        public void message(String text) {
            mine.add(text);
        }
    }

    @Test
    void theHooksMessagesPrecedeTheBufferedOnesAfterEachConnect() throws Exception {
        RecordingEndpoint.READ.clear();
        FastServer server = FastServer.start(FastServer.Mode.PLAIN, RecordingEndpoint.class);
        int port = server.base().getPort();
        ClientProbe probe = new ClientProbe();
        ClientListener subscriber = new ClientListener() {
            @Override
            public void onConnected(ClientConnected connected) {
                connected.sendText("subscribe-" + connected.connections());
                connected.sendText("resume-" + connected.connections());
            }
        };
        try (ReconnectingClient client = ReconnectingClient.builder(
                        Clients.quick("hook", server.base().resolve("hook/record"))
                                .connectAtStartup(false)
                                .build())
                .listener(probe)
                .listener(subscriber)
                .open()) {
            // Sent to an idle client: buffered, and the first send starts it.
            client.sendText("early-1");
            client.sendText("early-2");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RecordingEndpoint.READ.size() == 1
                            && RecordingEndpoint.READ.get(0).size() == 4);

            server.close();
            server = null;
            probe.awaitEntered(ClientState.BACKING_OFF, 1, Duration.ofSeconds(10));
            client.sendText("late-1");
            client.sendText("late-2");
            server = Clients.restart(port, RecordingEndpoint.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RecordingEndpoint.READ.size() == 2
                            && RecordingEndpoint.READ.get(1).size() == 4);

            assertThat(RecordingEndpoint.READ.get(0)).containsExactly("subscribe-1", "resume-1", "early-1", "early-2");
            assertThat(RecordingEndpoint.READ.get(1)).containsExactly("subscribe-2", "resume-2", "late-1", "late-2");
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
