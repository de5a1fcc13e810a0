package io.switchboard.impl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.ClientState;
import io.switchboard.client.ReconnectingSocket;
import io.switchboard.impl.client.consumer.EchoConsumer;
import io.switchboard.impl.client.echo.EchoEndpoint;
import io.switchboard.impl.testing.FastServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client injected by name in a CDI application: configured by {@code switchboard.client.<name>.*}, its callbacks
 * arriving as events qualified with its name, its settings checked at start, and closed with the application.
 */
class InjectedClientTest {
    private FastServer far;

    @BeforeEach
    void startTheFarEnd() throws Exception {
        far = FastServer.start(FastServer.Mode.PLAIN, EchoEndpoint.class);
        EchoConsumer.RECEIVED.clear();
        EchoConsumer.STATES.clear();
    }

    @AfterEach
    void stop() {
        far.close();
        System.getProperties().keySet().removeIf(key -> key.toString().startsWith("switchboard.client."));
    }

    @Test
    void anInjectedClientConnectsSendsAndReceivesThroughEvents() throws Exception {
        configure(Map.of(
                "switchboard.client.echo.url",
                far.base().resolve("echo").toString(),
                "switchboard.client.echo.backoff.initial",
                "50ms",
                "switchboard.client.echo.backoff.max",
                "500ms",
                "switchboard.client.other.url",
                far.base().resolve("echo").toString()));
        try (FastServer app = FastServer.start(FastServer.Mode.SWITCHBOARD, EchoConsumer.class)) {
            ReconnectingSocket echo = app.cdi().select(EchoConsumer.class).get().client();
            assertThat(echo.name()).isEqualTo("echo");
            await().atMost(Duration.ofSeconds(10)).until(() -> echo.state() == ClientState.OPEN);
            assertThat(EchoConsumer.RECEIVED.poll(5, TimeUnit.SECONDS)).isEqualTo("echo:echo:hello #1");
            echo.sendText("ping").get(5, TimeUnit.SECONDS);
            assertThat(EchoConsumer.RECEIVED.poll(5, TimeUnit.SECONDS)).isEqualTo("echo:echo:ping");
            assertThat(EchoConsumer.STATES).contains(ClientState.CONNECTING, ClientState.OPEN);

            // The far end closes with 1012 (restarting): the injected client comes back, and the hook runs again.
            echo.sendText("restart");
            assertThat(EchoConsumer.RECEIVED.poll(15, TimeUnit.SECONDS)).isEqualTo("echo:echo:hello #2");
            assertThat(EchoConsumer.RECEIVED).noneMatch(message -> message.startsWith("WRONG"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> clientThreads() == 0);
    }

    @Test
    void aClientTheCodeNamesButTheConfigurationLacksFailsTheStart() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, EchoConsumer.class))
                .hasStackTraceContaining(
                        "client 'echo' is used by the application but switchboard.client.echo.url" + " is not set");
        assertThat(clientThreads()).isZero();
    }

    /** One bad value in a real start; {@code ClientSettingsTest} (impl) checks each key and value alone. */
    @Test
    void aBadSettingFailsTheStartNamingTheClientTheKeyAndTheValueButNoSecret() {
        configure(Map.of(
                "switchboard.client.echo.url", far.base().resolve("echo").toString(),
                "switchboard.client.echo.token", "secret-token-value",
                "switchboard.client.echo.buffer.policy", "sometimes"));
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, EchoConsumer.class))
                .hasStackTraceContaining(
                        "switchboard.client.echo.buffer.policy = 'sometimes' is not buffer or fail-fast")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("secret-token-value"));
        assertThat(clientThreads()).isZero();
    }

    private static void configure(Map<String, String> settings) {
        settings.forEach(System::setProperty);
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("switchboard-client-"))
                .count();
    }
}
