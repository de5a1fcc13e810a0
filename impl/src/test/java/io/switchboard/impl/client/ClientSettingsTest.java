package io.switchboard.impl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.client.BufferPolicy;
import io.switchboard.client.ClientOptions;
import io.switchboard.impl.config.MapConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One client's settings as read from {@code switchboard.client.<name>.*}: each key, and each bad value named. */
class ClientSettingsTest {
    private static final String URL = "switchboard.client.feed.url";

    @Test
    void everyKeyIsRead() {
        ClientOptions options = ClientSettings.read(
                MapConfig.settings(
                        URL,
                        "wss://feed.example.com/prices",
                        "switchboard.client.feed.header.X-Api-Key",
                        "k-1",
                        "switchboard.client.feed.subprotocols",
                        "v2.prices, v1.prices",
                        "switchboard.client.feed.token",
                        "t-1",
                        "switchboard.client.feed.connect-timeout",
                        "3s",
                        "switchboard.client.feed.send-timeout",
                        "4s",
                        "switchboard.client.feed.heartbeat.interval",
                        "5s",
                        "switchboard.client.feed.heartbeat.timeout",
                        "2s",
                        "switchboard.client.feed.backoff.initial",
                        "100ms",
                        "switchboard.client.feed.backoff.max",
                        "1m",
                        "switchboard.client.feed.backoff.multiplier",
                        "1.5",
                        "switchboard.client.feed.backoff.jitter",
                        "none",
                        "switchboard.client.feed.max-attempts",
                        "7",
                        "switchboard.client.feed.connect",
                        "lazy",
                        "switchboard.client.feed.buffer.messages",
                        "10",
                        "switchboard.client.feed.buffer.bytes",
                        "64KiB",
                        "switchboard.client.feed.buffer.policy",
                        "fail-fast",
                        "switchboard.client.feed.max-message-size",
                        "2MiB"),
                "feed",
                null,
                "configured");
        assertThat(options.uri()).hasToString("wss://feed.example.com/prices");
        assertThat(options.headers()).isEqualTo(Map.of("X-Api-Key", "k-1"));
        assertThat(options.subprotocols()).isEqualTo(List.of("v2.prices", "v1.prices"));
        assertThat(options.token()).isEqualTo("t-1");
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.sendTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.pongTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.backoffInitial()).isEqualTo(Duration.ofMillis(100));
        assertThat(options.backoffMax()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.backoffMultiplier()).isEqualTo(1.5);
        assertThat(options.fullJitter()).isFalse();
        assertThat(options.maxAttempts()).isEqualTo(7);
        assertThat(options.connectAtStartup()).isFalse();
        assertThat(options.bufferMessages()).isEqualTo(10);
        assertThat(options.bufferBytes()).isEqualTo(64 * 1024);
        assertThat(options.bufferPolicy()).isEqualTo(BufferPolicy.FAIL_FAST);
        assertThat(options.maxMessageSize()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void defaultsNeedOnlyTheUrl() {
        ClientOptions options =
                ClientSettings.read(MapConfig.settings(URL, "ws://127.0.0.1:8080/x"), "feed", null, "configured");
        assertThat(options.maxAttempts()).isZero();
        assertThat(options.connectAtStartup()).isTrue();
        assertThat(options.fullJitter()).isTrue();
        assertThat(options.bufferPolicy()).isEqualTo(BufferPolicy.BUFFER);
    }

    @Test
    void aMissingUrlNamesTheClientAndTheKey() {
        assertThatThrownBy(() -> ClientSettings.read(MapConfig.settings(), "feed", null, "used by the application"))
                .hasMessage("Switchboard: client 'feed' is used by the application but switchboard.client.feed.url is"
                        + " not set");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "url | http://127.0.0.1/x | switchboard.client.feed.url must be a ws:// or wss:// URL with a host, not"
                        + " 'http://127.0.0.1/x'",
                "url | ws://bad host/ | switchboard.client.feed.url must be a ws:// or wss:// URL, not 'ws://bad host/'",
                "connect-timeout | 0s | switchboard.client.feed.connect-timeout must be a positive duration, not 'PT0S'",
                "send-timeout | soon | switchboard.client.feed.send-timeout = 'soon'",
                "heartbeat.interval | -1s | switchboard.client.feed.heartbeat.interval = '-1s'",
                "backoff.max | 1ms | switchboard.client.feed.backoff.max must be at least backoff.initial",
                "backoff.multiplier | 0.5 | switchboard.client.feed.backoff.multiplier = '0.5'",
                "backoff.jitter | half | switchboard.client.feed.backoff.jitter = 'half' is not full or none",
                "max-attempts | never | switchboard.client.feed.max-attempts = 'never'",
                "max-attempts | 0 | switchboard.client.feed.max-attempts = '0'",
                "connect | later | switchboard.client.feed.connect = 'later' is not startup or lazy",
                "buffer.messages | 0 | switchboard.client.feed.buffer.messages = '0'",
                "buffer.bytes | lots | switchboard.client.feed.buffer.bytes = 'lots'",
                "buffer.policy | drop | switchboard.client.feed.buffer.policy = 'drop' is not buffer or fail-fast",
                "max-message-size | 4GiB | switchboard.client.feed.max-message-size must be from 1 byte to 2 GiB",
                "subprotocols | a b | switchboard.client.feed.subprotocols must be token characters, not 'a b'",
            })
    void aBadValueNamesTheKeyAndTheValue(String key, String value, String message) {
        String url = key.equals("url") ? value : "ws://127.0.0.1:8080/x";
        assertThatThrownBy(() -> ClientSettings.read(
                        MapConfig.settings(URL, url, "switchboard.client.feed." + key, value), "feed", null, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aBadTokenOrHeaderValueIsNeverPrinted() {
        assertThatThrownBy(() -> ClientSettings.read(
                        MapConfig.settings(URL, "ws://127.0.0.1/x", "switchboard.client.feed.token", "  "),
                        "feed",
                        null,
                        "x"))
                .hasMessageContaining("switchboard.client.feed.token")
                .hasMessageNotContaining("'  '");
    }

    @Test
    void everyUrlKeyDeclaresAClient() {
        assertThat(ClientSettings.configured(List.of(
                        "switchboard.client.a.url",
                        "switchboard.client.b.backoff.max",
                        "switchboard.client.c.header.url",
                        "switchboard.client..url",
                        "switchboard.default.url")))
                .containsExactly("a");
    }
}
