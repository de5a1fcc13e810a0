package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that refuses the handshake with 429 or 503 and {@code Retry-After: 2}: the client's next attempt comes no
 * sooner than two seconds later, although its own backoff would have tried again within 50 ms.
 */
class HonoursRetryAfterTest {

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void theNextAttemptWaitsAsLongAsTheServerAsked(int status) throws Exception {
        ClientProbe probe = new ClientProbe();
        try (RefusingHttpServer server =
                        new RefusingHttpServer(n -> "HTTP/1.1 " + status + " Not Now\r\nRetry-After: 2\r\n");
                ReconnectingClient client = Clients.open(
                        Clients.quick("retry-after-" + status, server.uri("busy"))
                                .backoff(Duration.ofMillis(50), Duration.ofMillis(200), 2)
                                .build(),
                        probe)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() >= 2);
            List<RefusingHttpServer.Request> requests = server.requests();
            Duration gap =
                    Duration.ofNanos(requests.get(1).at() - requests.get(0).at());
            ClientStateChanged backOff = probe.into(ClientState.BACKING_OFF).get(0);
            assertThat(backOff.closeCode()).as(probe.trail()).isEqualTo(status);
            assertThat(backOff.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(gap).isLessThan(Duration.ofSeconds(3));
        }
    }
}
