package io.switchboard.tck.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.TestClient;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @MaxMessageSize}: messages up to the limit arrive, a larger one closes its session with 1009
 * ({@code too_big}) and leaves every other session alone, for whole, partial and streamed messages.
 */
public abstract class SizeLimitScenarios {

    private static final int TEXT_LIMIT = 1024;
    private static final int BINARY_LIMIT = 2048;

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    private String probe(String command) {
        try (TestClient probe = TestClient.connect(base().resolve("limits-probe"))) {
            return probe.ask(command);
        }
    }

    @BeforeEach
    void quiet() {
        await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        probe("reset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"whole", "partial"})
    void textUpToTheLimitArrivesAndOneByteMoreClosesWith1009(String form) {
        try (TestClient bystander = TestClient.connect(base().resolve("limited/" + form));
                TestClient client = TestClient.connect(base().resolve("limited/" + form))) {
            assertThat(client.ask("a".repeat(TEXT_LIMIT))).isEqualTo("ok:" + TEXT_LIMIT);
            assertThat(client.ask("€".repeat(TEXT_LIMIT / 3))).isEqualTo("ok:" + (TEXT_LIMIT / 3) * 3);
            client.sendText("a".repeat(TEXT_LIMIT + 1));
            assertThat(client.awaitClose().code()).isEqualTo(1009);
            assertThat(bystander.ask("still")).isEqualTo("ok:5");
        }
        awaitClosed("Limited" + capitalised(form) + "Endpoint 1009 too_big");
    }

    @ParameterizedTest
    @ValueSource(strings = {"whole", "partial"})
    void binaryUpToTheLimitArrivesAndOneByteMoreClosesWith1009(String form) {
        try (TestClient client = TestClient.connect(base().resolve("limited/" + form))) {
            client.sendBinary(new byte[BINARY_LIMIT]);
            assertThat(client.nextText()).isEqualTo("ok:" + BINARY_LIMIT);
            client.sendBinary(new byte[BINARY_LIMIT + 1]);
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
        awaitClosed("Limited" + capitalised(form) + "Endpoint 1009 too_big");
    }

    @ParameterizedTest
    @ValueSource(strings = {"partial", "stream"})
    void partsAreCountedTogether(String form) {
        try (TestClient client = TestClient.connect(base().resolve("limited/" + form))) {
            client.sendText("a".repeat(600), false).sendText("a".repeat(424), true);
            assertThat(client.nextText()).isEqualTo("ok:" + TEXT_LIMIT);
            client.sendText("a".repeat(600), false).sendText("a".repeat(425), true);
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
        awaitClosed("Limited" + capitalised(form) + "Endpoint 1009 too_big");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream"})
    void streamedMessagesObeyTheLimitToo(String form) {
        try (TestClient client = TestClient.connect(base().resolve("limited/" + form))) {
            client.sendBinary(new byte[BINARY_LIMIT]);
            assertThat(client.nextText()).isEqualTo("ok:" + BINARY_LIMIT);
            client.sendBinary(new byte[BINARY_LIMIT + 1]);
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
        awaitClosed("LimitedStreamEndpoint 1009 too_big");
    }

    private void awaitClosed(String line) {
        await().untilAsserted(() -> assertThat(probe("closed")).contains(line));
    }

    private static String capitalised(String form) {
        return Character.toUpperCase(form.charAt(0)) + form.substring(1);
    }
}
