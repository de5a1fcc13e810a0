package io.switchboard.tck.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate and connection limits over real sockets, against the endpoints of this package. */
public abstract class RateLimitScenarios {

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /**
     * Whether handshakes pass Switchboard's filter (servlet containers): remote addresses are then known. Bare Tyrus
     * does not say.
     */
    protected abstract boolean servletContainer();

    private URI uri(String path) {
        return base().resolve(path);
    }

    private String probe(String command) {
        try (TestClient probe = TestClient.connect(uri("rate-probe"))) {
            return probe.ask(command);
        }
    }

    private void awaitCount(int count) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe("count")).isEqualTo(String.valueOf(count)));
    }

    @BeforeEach
    void quiet() {
        awaitCount(0);
        probe("reset");
    }

    @Test
    void floodingClientIsClosedWith1008WhileAHundredOthersInItsRoomLoseNothing() {
        List<TestClient> healthy = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                healthy.add(TestClient.connect(uri("throttled/r")));
            }
            awaitCount(100);
            try (TestClient flooder = TestClient.connect(uri("throttled/r"))) {
                for (int i = 0; i < 1000 && !flooder.isClosedByServer(); i++) {
                    try {
                        flooder.sendText("flood-" + i);
                    } catch (RuntimeException closedMeanwhile) {
                        break;
                    }
                }
                TestClient.Closed closed = flooder.awaitClose();
                // The server sends 1008 (its event, asserted below, says so); a client still writing when the server
                // drops the connection after its close frame may get a reset first and never read that frame.
                if (closed.code() != 1006) {
                    assertThat(closed.code()).isEqualTo(1008);
                    assertThat(closed.reason()).isEqualTo("Rate limit exceeded");
                }
            }
            Set<String> sent = new HashSet<>();
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < healthy.size(); i++) {
                    String message = "h" + i + "-" + k;
                    healthy.get(i).sendText(message);
                    sent.add(message);
                }
            }
            for (TestClient client : healthy) {
                Set<String> received = new HashSet<>();
                while (!received.containsAll(sent)) {
                    String message = client.nextText();
                    if (message.startsWith("h")) {
                        received.add(message);
                    }
                }
                assertThat(received).isEqualTo(sent);
            }
            await().untilAsserted(
                            () -> assertThat(probe("log")).contains("closed ThrottledRoomEndpoint 1008 rate_limited"));
        } finally {
            healthy.forEach(TestClient::close);
        }
    }

    @Test
    void aPeerThatDropsTheConnectionOnTheCloseFrameIsStillReportedAsClosedWith1008() throws IOException {
        try (RawClient raw = RawClient.handshake(uri("throttled/alone"), true)) {
            assertThat(raw.status()).isEqualTo(101);
            try {
                for (int i = 0; i < 25; i++) {
                    raw.sendText("flood-" + i);
                }
            } catch (IOException closedWhileFlooding) {
                // The server closed after the 21st message, before the last ones were written (seen on bare Tyrus
                // under load): the close frame is read below all the same.
            }
            RawClient.Frame frame = raw.readFrame(10_000);
            while (frame.opcode() != 0x8) {
                frame = raw.readFrame(10_000);
            }
            assertThat(frame.closeCode()).isEqualTo(1008);
            raw.reset(); // no close frame back: the container sees the connection drop
        }
        await().untilAsserted(
                        () -> assertThat(probe("log")).contains("closed ThrottledRoomEndpoint 1008 rate_limited"));
    }

    @Test
    void messagesOverTheLimitAreDroppedWithAnEventUnderTheDropPolicy() {
        try (TestClient client = TestClient.connect(uri("dropping"))) {
            for (int i = 0; i < 10; i++) {
                client.sendText("m" + i);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(client.nextText()).isEqualTo("echo:m" + i);
            }
            assertThat(client.nextTextWithin(Duration.ofMillis(500))).isNull();
            assertThat(client.isClosedByServer()).isFalse();
        }
        await().untilAsserted(() -> assertThat(probe("log").lines().filter(l -> l.startsWith("limited")))
                .hasSize(5)
                .containsOnly("limited DroppingEndpoint SESSION"));
    }

    @Test
    void limitRunsBeforeTheMessageIsDecoded() {
        try (TestClient client = TestClient.connect(uri("orders"))) {
            for (int i = 0; i < 5; i++) {
                client.sendText("order:" + i);
            }
            assertThat(client.nextText()).isEqualTo("ordered:0");
            assertThat(client.nextText()).isEqualTo("ordered:1");
            assertThat(client.nextTextWithin(Duration.ofMillis(500))).isNull();
        }
        assertThat(probe("decoded")).isEqualTo("2");
    }

    @Test
    void bytesOverTheLimitCloseTheSession() {
        try (TestClient client = TestClient.connect(uri("bytes"))) {
            client.sendBinary(new byte[600]);
            assertThat(client.nextText()).isEqualTo("got:600");
            client.sendBinary(new byte[600]);
            assertThat(client.awaitClose().code()).isEqualTo(1008);
        }
    }

    @Test
    void sessionsFromOneAddressShareItsBucket() {
        assumeThat(servletContainer())
                .as("remote addresses are known only behind the servlet filter")
                .isTrue();
        try (TestClient a = TestClient.connect(uri("shared-address"));
                TestClient b = TestClient.connect(uri("shared-address"))) {
            int echoes = 0;
            for (int i = 0; i < 4; i++) {
                a.sendText("a" + i);
                b.sendText("b" + i);
            }
            while (a.nextTextWithin(Duration.ofMillis(500)) != null) {
                echoes++;
            }
            while (b.nextTextWithin(Duration.ofMillis(100)) != null) {
                echoes++;
            }
            assertThat(echoes).isEqualTo(6);
        }
        assertThat(probe("log").lines().filter(l -> l.startsWith("limited")))
                .containsExactly("limited SharedAddressEndpoint ADDRESS", "limited SharedAddressEndpoint ADDRESS");
    }

    @Test
    void fullEndpointRefusesTheNextSessionAndLeavesNothingOfIt() throws IOException {
        List<TestClient> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                admitted.add(TestClient.connect(uri("capped")));
            }
            awaitCount(3);
            // Refused before the upgrade on every container: the endpoint's configurator applies the limits.
            try (RawClient refused = RawClient.handshake(uri("capped"), true, Map.of())) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("5");
            }
            assertThatThrownBy(() -> TestClient.connect(uri("capped")))
                    .isInstanceOfSatisfying(
                            TestClient.HandshakeRefused.class,
                            e -> assertThat(e.status()).isEqualTo(503));
            awaitCount(3);
            assertThat(admitted.get(0).ask("x")).isEqualTo("echo:x:3");
            admitted.remove(0).close();
            awaitCount(2);
            try (TestClient next = TestClient.connect(uri("capped"))) {
                assertThat(next.ask("y")).isEqualTo("echo:y:4");
            }
        } finally {
            admitted.forEach(TestClient::close);
        }
    }

    @Test
    void oneAddressGetsItsShareOfSessionsAndOfHandshakes() throws IOException {
        assumeThat(servletContainer())
                .as("remote addresses are known only behind the servlet filter")
                .isTrue();
        try (TestClient first = TestClient.connect(uri("per-address"));
                TestClient second = TestClient.connect(uri("per-address"))) {
            awaitCount(2); // the container runs onOpen, which counts a session in, after it answered 101
            try (RawClient third = RawClient.handshake(uri("per-address"), true, Map.of())) {
                assertThat(third.status()).isEqualTo(429);
                assertThat(third.header("Retry-After")).isNotNull();
            }
        }
        awaitCount(0);
        // Three handshakes so far; two more pass, the sixth within 10 seconds does not.
        for (int i = 0; i < 2; i++) {
            try (TestClient again = TestClient.connect(uri("per-address"))) {
                assertThat(again.ask("hi")).isEqualTo("echo:hi");
            }
        }
        try (RawClient sixth = RawClient.handshake(uri("per-address"), true, Map.of())) {
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 10);
        }
        awaitCount(0);
    }
}
