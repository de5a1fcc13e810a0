package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.runtime.ReconnectingClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A port where nothing listens, so every attempt fails at once: the client never spins. Each delay stays within its
 * step's ceiling, and the number of attempts in three seconds stays within what the schedule allows.
 */
class NeverSpinsAgainstAClosedPortTest {
    static final long INITIAL_MS = 50;
    static final long MAX_MS = 400;
    static final Duration RUN = Duration.ofSeconds(3);

    @Test
    void attemptsFollowTheBackoffSchedule() throws Exception {
        ClientProbe probe = new ClientProbe();
        URI nowhere = URI.create("ws://127.0.0.1:" + Clients.closedPort() + "/nothing");
        try (ReconnectingClient client = Clients.open(
                ClientOptions.builder("nowhere", nowhere)
                        .backoff(Duration.ofMillis(INITIAL_MS), Duration.ofMillis(MAX_MS), 2)
                        .build(),
                probe)) {
            Thread.sleep(RUN.toMillis());
        }
        List<ClientStateChanged> backOffs = probe.into(ClientState.BACKING_OFF);
        long attempts = probe.into(ClientState.CONNECTING).size();
        System.out.println("NeverSpinsAgainstAClosedPort: " + attempts + " attempts, delays "
                + backOffs.stream().map(b -> b.delay().toMillis()).toList());

        for (int n = 0; n < backOffs.size(); n++) {
            long ceiling = Math.min(MAX_MS, INITIAL_MS << Math.min(n, 20));
            assertThat(backOffs.get(n).delay())
                    .as("delay %d (%s)", n, backOffs.get(n))
                    .isLessThanOrEqualTo(Duration.ofMillis(ceiling))
                    .isGreaterThanOrEqualTo(Duration.ZERO);
        }
        // Each attempt waits out its delay, never less (no spin) and not much more (no stall).
        List<ClientProbe.Change> changes = probe.changes;
        for (int n = 0; n + 1 < changes.size(); n++) {
            ClientStateChanged change = changes.get(n).change();
            if (change.to() == ClientState.BACKING_OFF
                    && changes.get(n + 1).change().to() == ClientState.CONNECTING) {
                Duration waited = Duration.ofNanos(
                        changes.get(n + 1).at() - changes.get(n).at());
                assertThat(waited)
                        .as("the wait after %s", change)
                        .isGreaterThanOrEqualTo(change.delay().minusMillis(2))
                        .isLessThan(change.delay().plusMillis(500));
            }
        }
        // At every ceiling (50, 100, 200, then 400 ms) three seconds hold 9 attempts; full jitter averages half the
        // ceiling, about 17. A spinning client makes thousands; 60 is beyond what the schedule allows by chance.
        assertThat(attempts).isBetween(5L, 60L);
        // Each change names its attempt: the one under way, or for a wait the one that comes next.
        assertThat(probe.into(ClientState.CONNECTING).stream().map(ClientStateChanged::attempt))
                .startsWith(1, 2, 3, 4, 5);
        assertThat(backOffs.stream().map(ClientStateChanged::attempt)).startsWith(2, 3, 4, 5);
        assertThat(backOffs.size()).isBetween((int) attempts - 1, (int) attempts);
    }
}
