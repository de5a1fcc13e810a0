package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that ends every connection with 1001 after reading a few messages, while the client streams a thousand:
 * every write completes, nothing arrives twice, nothing arrives out of order, and what does not arrive was lost only
 * at a drop.
 *
 * <p>Why not "everything arrives": a write completes once the bytes are on the socket, and the server discards what
 * reaches it after it sent its close frame (RFC 6455, 5.5.1; Tyrus does). A message written between the server's
 * close and the client's reading of it is lost with that connection: {@link ReconnectingSocket} says so. This test
 * pins that such losses happen only there: each run of missing messages starts right after the last message the
 * server read on some connection.
 */
class KeepsOrderWithoutDuplicatesAcrossDropsTest {
    static final int PER_CONNECTION = 50;
    static final int MESSAGES = 1000;

    @ServerEndpoint("/drops/every-few")
    public static class DroppingEndpoint {
        /** Per connection, in order, what it read. */
        static final List<List<Integer>> READ = new CopyOnWriteArrayList<>();

        private List<Integer> mine;

        @OnOpen
        public void open() {
            mine = new CopyOnWriteArrayList<>();
            READ.add(mine);
        }

        @OnMessage
        public void message(String text, Session session) throws IOException {
            mine.add(Integer.parseInt(text));
            if (mine.size() == PER_CONNECTION) {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "enough"));
            }
        }
    }

    @Test
    void messagesArriveInOrderOnceAndAreLostOnlyWhereAConnectionEnded() throws Exception {
        DroppingEndpoint.READ.clear();
        ClientProbe probe = new ClientProbe();
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, DroppingEndpoint.class);
                ReconnectingClient client = Clients.open(
                        Clients.quick("drops", server.base().resolve("drops/every-few"))
                                .backoff(Duration.ofMillis(5), Duration.ofMillis(50), 2)
                                .buffer(MESSAGES, 1024 * 1024, BufferPolicy.BUFFER)
                                .build(),
                        probe)) {
            List<CompletableFuture<Void>> written = new ArrayList<>();
            for (int n = 0; n < MESSAGES; n++) {
                written.add(client.sendText(Integer.toString(n)));
                if (n % 10 == 9) {
                    // Paced, so that the drops are many wherever the test runs: unpaced, a quiet machine wrote all
                    // 1,000 into the first three connections' sockets before the server had read 150 of them.
                    Thread.sleep(2);
                }
            }
            // Every write completes: nothing is dropped from the buffer at a reconnect.
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            Thread.sleep(500);
        }

        List<Integer> received = new ArrayList<>();
        Set<Integer> endsOfConnections = new LinkedHashSet<>();
        for (List<Integer> connection : DroppingEndpoint.READ) {
            received.addAll(connection);
            if (!connection.isEmpty()) {
                endsOfConnections.add(connection.get(connection.size() - 1));
            }
        }
        Set<Integer> distinct = new LinkedHashSet<>(received);
        List<Integer> runStarts = new ArrayList<>();
        int lost = 0;
        for (int n = 0; n < MESSAGES; n++) {
            if (!distinct.contains(n)) {
                lost++;
                if (n == 0 || distinct.contains(n - 1)) {
                    runStarts.add(n);
                }
            }
        }
        System.out.printf(
                "KeepsOrderWithoutDuplicatesAcrossDrops: %d connections, %d received, %d duplicates, %d lost in %d"
                        + " runs at drops%n",
                DroppingEndpoint.READ.size(),
                received.size(),
                received.size() - distinct.size(),
                lost,
                runStarts.size());

        assertThat(DroppingEndpoint.READ.size()).as("connections").isGreaterThanOrEqualTo(5);
        assertThat(new ArrayList<>(distinct)).as("the order of first arrival").isSorted();
        assertThat(received).as("messages that arrived twice").doesNotHaveDuplicates();
        assertThat(runStarts)
                .as("each run of lost messages starts right after a connection's last message")
                .allSatisfy(start -> assertThat(endsOfConnections).contains(start - 1));
    }
}
