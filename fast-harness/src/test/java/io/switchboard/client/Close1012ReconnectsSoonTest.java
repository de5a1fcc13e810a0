package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A server that restarts (1012) under a connection that had been healthy for longer than {@code backoff.max}: the
 * client comes back within {@code backoff.initial}, even though a 1013 just before had pushed its backoff up.
 */
class Close1012ReconnectsSoonTest {
    static final Duration INITIAL = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofMillis(500);

    @ServerEndpoint("/restarting/service")
    public static class RestartingEndpoint {
        static final AtomicInteger CONNECTIONS = new AtomicInteger();

        @OnOpen
        public void open(Session session) throws IOException {
            if (CONNECTIONS.incrementAndGet() == 1) {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "busy"));
            } else {
                CompletableFuture.delayedExecutor(MAX.toMillis() + 300, TimeUnit.MILLISECONDS)
                        .execute(() -> close(session));
            }
        }

        private static void close(Session session) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "restarting"));
            } catch (IOException | IllegalStateException alreadyClosed) {
                // The test ended first. Thrown on, it would fail the next test's Awaitility wait.
            }
        }
    }

    @Test
    void afterAHealthyConnectionTheNextDelayIsUnderBackoffInitial() throws Exception {
        RestartingEndpoint.CONNECTIONS.set(0);
        ClientProbe probe = new ClientProbe();
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, RestartingEndpoint.class);
                ReconnectingClient client = ReconnectingClient.builder(ClientOptions.builder(
                                        "restarting", server.base().resolve("restarting/service"))
                                .backoff(INITIAL, MAX, 2)
                                .build())
                        .listener(probe)
                        .random(() -> 0.999)
                        .open()) {
            probe.awaitEntered(ClientState.BACKING_OFF, 2, Duration.ofSeconds(10));
            List<ClientStateChanged> backOffs = probe.into(ClientState.BACKING_OFF);
            assertThat(backOffs.get(0).closeCode()).isEqualTo(1013);
            assertThat(backOffs.get(0).delay()).isGreaterThan(INITIAL.multipliedBy(3));
            assertThat(backOffs.get(1).closeCode()).as(probe.trail()).isEqualTo(1012);
            assertThat(backOffs.get(1).delay()).isLessThanOrEqualTo(INITIAL);
            probe.awaitEntered(ClientState.OPEN, 3, Duration.ofSeconds(5));
        }
    }
}
