package io.switchboard.tck.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.TestClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors by category: each reaches {@link io.switchboard.SessionError} once; without {@code @OnError} the session is
 * closed with the category's code; with it, the endpoint decides; no other session notices.
 */
public abstract class ErrorScenarios {

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    private String probe(String command) {
        try (TestClient probe = TestClient.connect(base().resolve("errors-probe"))) {
            return probe.ask(command);
        }
    }

    private void awaitLog(String... lines) {
        await().untilAsserted(() -> assertThat(probe("log").lines()).containsExactly(lines));
    }

    @BeforeEach
    void quiet() {
        await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        probe("reset");
    }

    @Test
    void exceptionWithoutOnErrorClosesWith1011AndOtherSessionsCarryOn() {
        try (TestClient bystander = TestClient.connect(base().resolve("errors/throw"));
                TestClient client = TestClient.connect(base().resolve("errors/throw"))) {
            client.sendText("throw");
            TestClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(1011);
            assertThat(closed.reason()).isEqualTo("Server error");
            assertThat(bystander.ask("hi")).isEqualTo("echo:hi");
            awaitLog(
                    "ThrowingEndpoint server_error IllegalStateException", "closed ThrowingEndpoint 1011 server_error");
        }
    }

    @Test
    void undecodableMessageWithoutOnErrorClosesWith1007() {
        try (TestClient client = TestClient.connect(base().resolve("errors/number"))) {
            assertThat(client.ask("41")).isEqualTo("42");
            client.sendText("forty-one");
            TestClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(1007);
            assertThat(closed.reason()).isEqualTo("Bad data");
            awaitLog("NumberEndpoint bad_data DecodeException", "closed NumberEndpoint 1007 bad_data");
        }
    }

    @Test
    void encoderFailureWithoutOnErrorClosesWith1011() {
        try (TestClient client = TestClient.connect(base().resolve("errors/ballot"))) {
            assertThat(client.ask("yes")).isEqualTo("ballot:yes");
            client.sendText("bad");
            assertThat(client.awaitClose().code()).isEqualTo(1011);
            awaitLog("BallotEndpoint server_error EncodeException", "closed BallotEndpoint 1011 server_error");
        }
    }

    @Test
    void errorHandledByOnErrorIsReportedAndTheSessionLivesOn() {
        try (TestClient client = TestClient.connect(base().resolve("errors/handled"))) {
            assertThat(client.ask("throw")).isEqualTo("handled:IllegalStateException");
            assertThat(client.ask("hi")).isEqualTo("echo:hi");
            assertThat(client.nextTextWithin(Duration.ofMillis(200))).isNull();
            assertThat(client.isClosedByServer()).isFalse();
        }
        awaitLog("HandlingEndpoint server_error IllegalStateException", "closed HandlingEndpoint 1000 normal");
    }
}
