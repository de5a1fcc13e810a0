package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A server that stops and starts again on the same port: the client comes back by itself, and what was sent while the
 * server was down arrives after the reconnect, once each and in order.
 */
class ReconnectsAfterServerRestartTest {

    @ServerEndpoint("/restart/record")
    public static class RecordingEndpoint {
        static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

        @OnMessage
        public void message(String text) {
            RECEIVED.add(text);
        }
    }

    @Test
    void messagesSentWhileTheServerWasDownArriveOnceInOrderAfterItIsBack() throws Exception {
        RecordingEndpoint.RECEIVED.clear();
        FastServer server = FastServer.start(FastServer.Mode.PLAIN, RecordingEndpoint.class);
        int port = server.base().getPort();
        ClientProbe probe = new ClientProbe();
        try (ReconnectingClient client = Clients.open(
                Clients.quick("restart", server.base().resolve("restart/record"))
                        .buffer(100, 64 * 1024, BufferPolicy.BUFFER)
                        .build(),
                probe)) {
            probe.awaitEntered(ClientState.OPEN, 1, Duration.ofSeconds(10));
            List<String> before =
                    IntStream.range(0, 5).mapToObj(n -> "before-" + n).toList();
            before.forEach(client::sendText);
            await().until(() -> RecordingEndpoint.RECEIVED.size() == 5);

            server.close();
            server = null;
            probe.awaitEntered(ClientState.BACKING_OFF, 1, Duration.ofSeconds(10));
            List<String> during =
                    IntStream.range(0, 20).mapToObj(n -> "during-" + n).toList();
            List<CompletableFuture<Void>> written = new ArrayList<>();
            during.forEach(text -> written.add(client.sendText(text)));
            assertThat(client.buffered()).isEqualTo(20);
            // Down for a few failed attempts.
            probe.awaitEntered(ClientState.BACKING_OFF, 3, Duration.ofSeconds(10));
            assertThat(RecordingEndpoint.RECEIVED).hasSize(5);

            server = Clients.restart(port, RecordingEndpoint.class);
            probe.awaitEntered(ClientState.OPEN, 2, Duration.ofSeconds(10));
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            await().until(() -> RecordingEndpoint.RECEIVED.size() >= 25);
            // Anything late would show up here.
            Thread.sleep(200);

            List<String> expected = new ArrayList<>(before);
            expected.addAll(during);
            assertThat(RecordingEndpoint.RECEIVED).containsExactlyElementsOf(expected);
            assertThat(client.buffered()).isZero();
            assertThat(client.state()).isEqualTo(ClientState.OPEN);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
