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
import org.junit.jupiter.api.Test;

/**
 * A server that accepts and at once closes with 1013 (try again later): the client skips the short waits and backs
 * off from the third step of its schedule, further after each 1013.
 */
class Close1013BacksOffFurtherTest {
    static final Duration INITIAL = Duration.ofMillis(50);
    static final double MULTIPLIER = 2;

    @ServerEndpoint("/overloaded/busy")
    public static class BusyEndpoint {
        @OnOpen
        public void open(Session session) throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "busy"));
        }
    }

    @Test
    void theFirstDelayIsAtLeastTheThirdStepsCeiling() throws Exception {
        ClientProbe probe = new ClientProbe();
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, BusyEndpoint.class);
                ReconnectingClient client = ReconnectingClient.builder(ClientOptions.builder(
                                        "overloaded", server.base().resolve("overloaded/busy"))
                                .backoff(INITIAL, Duration.ofSeconds(5), MULTIPLIER)
                                .build())
                        .listener(probe)
                        .random(() -> 0.999)
                        .open()) {
            probe.awaitEntered(ClientState.BACKING_OFF, 2, Duration.ofSeconds(10));
            List<ClientStateChanged> backOffs = probe.into(ClientState.BACKING_OFF);
            assertThat(backOffs.get(0).closeCode()).isEqualTo(1013);
            // Step 2's ceiling is initial × multiplier²; without the 1013 rule it would be step 0's, initial.
            Duration stepTwo = Duration.ofNanos((long) (INITIAL.toNanos() * MULTIPLIER * MULTIPLIER * 0.99));
            assertThat(backOffs.get(0).delay()).isGreaterThanOrEqualTo(stepTwo);
            assertThat(backOffs.get(1).closeCode()).isEqualTo(1013);
            assertThat(backOffs.get(1).delay()).isGreaterThan(backOffs.get(0).delay());
        }
    }
}
