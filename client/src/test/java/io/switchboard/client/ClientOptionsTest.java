package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientOptionsTest {

    private static final String NAME = "prices";
    private static final URI URL = URI.create("wss://feed.example.com/prices");

    private static ClientOptions.Builder builder() {
        return ClientOptions.builder(NAME, URL);
    }

    @Test
    void defaults() {
        ClientOptions options = builder().build();
        assertThat(options.name()).isEqualTo(NAME);
        assertThat(options.uri()).isEqualTo(URL);
        assertThat(options.headers()).isEmpty();
        assertThat(options.subprotocols()).isEmpty();
        assertThat(options.token()).isNull();
        assertThat(options.tokenSupplier()).isNull();
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.pongTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.backoffInitial()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.backoffMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.backoffMultiplier()).isEqualTo(2.0);
        assertThat(options.fullJitter()).isTrue();
        assertThat(options.maxAttempts()).isZero();
        assertThat(options.connectAtStartup()).isTrue();
        assertThat(options.bufferMessages()).isEqualTo(1000);
        assertThat(options.bufferBytes()).isEqualTo(1024 * 1024);
        assertThat(options.bufferPolicy()).isEqualTo(BufferPolicy.BUFFER);
        assertThat(options.maxMessageSize()).isEqualTo(1024 * 1024);
    }

    @Test
    void everySetterSticks() {
        TokenSupplier supplier = () -> "fresh";
        ClientOptions options = builder()
                .header("X-Tenant", "acme")
                .subprotocols(List.of("v2.prices", "v1.prices"))
                .token("abc")
                .tokenSupplier(supplier)
                .connectTimeout(Duration.ofSeconds(3))
                .sendTimeout(Duration.ofSeconds(4))
                .heartbeat(Duration.ZERO, Duration.ofSeconds(5))
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0)
                .fullJitter(false)
                .maxAttempts(7)
                .connectAtStartup(false)
                .buffer(1, 1, BufferPolicy.FAIL_FAST)
                .maxMessageSize(1)
                .build();
        assertThat(options.headers()).containsExactly(Map.entry("X-Tenant", "acme"));
        assertThat(options.subprotocols()).containsExactly("v2.prices", "v1.prices");
        assertThat(options.token()).isEqualTo("abc");
        assertThat(options.tokenSupplier()).isSameAs(supplier);
        assertThat(options.heartbeatInterval()).isZero();
        assertThat(options.backoffMax()).isEqualTo(options.backoffInitial());
        assertThat(options.fullJitter()).isFalse();
        assertThat(options.maxAttempts()).isEqualTo(7);
        assertThat(options.connectAtStartup()).isFalse();
        assertThat(options.bufferPolicy()).isEqualTo(BufferPolicy.FAIL_FAST);
    }

    @Test
    void headersAndSubprotocolsAreCopied() {
        ClientOptions.Builder builder = builder().header("X-A", "1").subprotocols(List.of("a"));
        ClientOptions options = builder.build();
        builder.header("X-B", "2").subprotocols(List.of("b"));
        assertThat(options.headers()).containsOnlyKeys("X-A");
        assertThat(options.subprotocols()).containsExactly("a");
        assertThatThrownBy(() -> options.headers().put("X-C", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws://localhost/feed", "wss://example.com:8443/", "WS://EXAMPLE.COM/x", "ws://127.0.0.1:1"})
    void acceptsWebSocketUrls(String url) {
        assertThat(ClientOptions.builder(NAME, URI.create(url)).build().uri()).hasToString(url);
    }

    @Test
    void keyNamesTheSetting() {
        assertThat(ClientOptions.keyOf("prices", "backoff.max")).isEqualTo("switchboard.client.prices.backoff.max");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "has space",
                "dots.not.allowed",
                "ü",
                "a/b",
                "x1234567890123456789012345678901234567890123456789012345678901234"
            })
    void badName(String name) {
        assertThatThrownBy(() -> ClientOptions.builder(name, URL).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void nullNameIsANullPointer() {
        assertThatThrownBy(() -> ClientOptions.builder(null, URL).build()).isInstanceOf(NullPointerException.class);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad(
                        "url",
                        "http://feed.example.com/",
                        b -> ClientOptions.builder(NAME, URI.create("http://feed.example.com/"))),
                bad(
                        "url",
                        "https://feed.example.com/",
                        b -> ClientOptions.builder(NAME, URI.create("https://feed.example.com/"))),
                bad(
                        "url",
                        "feed.example.com/prices",
                        b -> ClientOptions.builder(NAME, URI.create("feed.example.com/prices"))),
                bad("url", "ws:///prices", b -> ClientOptions.builder(NAME, URI.create("ws:///prices"))),
                bad("url", "ws:opaque", b -> ClientOptions.builder(NAME, URI.create("ws:opaque"))),
                bad("url", "null", b -> ClientOptions.builder(NAME, null)),
                bad("header.X Bad", "X Bad", b -> b.header("X Bad", "v")),
                bad("subprotocols", "v1 prices", b -> b.subprotocols(List.of("ok", "v1 prices"))),
                bad("subprotocols", "v1,prices", b -> b.subprotocols(List.of("v1,prices"))),
                bad("subprotocols", "", b -> b.subprotocols(List.of(""))),
                bad("connect-timeout", "PT0S", b -> b.connectTimeout(Duration.ZERO)),
                bad("connect-timeout", "PT-1S", b -> b.connectTimeout(Duration.ofSeconds(-1))),
                bad("connect-timeout", "null", b -> b.connectTimeout(null)),
                bad("send-timeout", "PT0S", b -> b.sendTimeout(Duration.ZERO)),
                bad("send-timeout", "PT-0.001S", b -> b.sendTimeout(Duration.ofMillis(-1))),
                bad("heartbeat.interval", "PT-1S", b -> b.heartbeat(Duration.ofSeconds(-1), Duration.ofSeconds(1))),
                bad("heartbeat.timeout", "PT0S", b -> b.heartbeat(Duration.ofSeconds(30), Duration.ZERO)),
                bad("heartbeat.timeout", "PT-5S", b -> b.heartbeat(Duration.ofSeconds(30), Duration.ofSeconds(-5))),
                bad("backoff.initial", "PT0S", b -> b.backoff(Duration.ZERO, Duration.ofSeconds(30), 2)),
                bad("backoff.initial", "PT-1S", b -> b.backoff(Duration.ofSeconds(-1), Duration.ofSeconds(30), 2)),
                bad("backoff.max", "PT0S", b -> b.backoff(Duration.ofSeconds(1), Duration.ZERO, 2)),
                bad("backoff.max", "PT1S", b -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2)),
                bad("backoff.multiplier", "0.5", b -> b.backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5)),
                bad("backoff.multiplier", "0.0", b -> b.backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0)),
                bad("backoff.multiplier", "-2.0", b -> b.backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), -2)),
                bad(
                        "backoff.multiplier",
                        "NaN",
                        b -> b.backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN)),
                bad("backoff.multiplier", "101.0", b -> b.backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 101)),
                bad("max-attempts", "-1", b -> b.maxAttempts(-1)),
                bad("buffer.messages", "0", b -> b.buffer(0, 1024, BufferPolicy.BUFFER)),
                bad("buffer.messages", "-3", b -> b.buffer(-3, 1024, BufferPolicy.BUFFER)),
                bad("buffer.bytes", "0", b -> b.buffer(10, 0, BufferPolicy.BUFFER)),
                bad("buffer.bytes", "-1", b -> b.buffer(10, -1, BufferPolicy.BUFFER)),
                bad("max-message-size", "0", b -> b.maxMessageSize(0)),
                bad("max-message-size", "-1", b -> b.maxMessageSize(-1)));
    }

    private static Arguments bad(String key, String value, UnaryOperator<ClientOptions.Builder> change) {
        return Arguments.of(key, value, change);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void badValueNamesTheKeyAndTheValue(String key, String value, UnaryOperator<ClientOptions.Builder> change) {
        assertThatThrownBy(() -> change.apply(builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.client." + NAME + "." + key + " ")
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void nullBufferPolicyIsANullPointer() {
        assertThatThrownBy(() -> builder().buffer(1, 1, null).build()).isInstanceOf(NullPointerException.class);
    }

    // Secrets: the key, never the value.

    @ParameterizedTest
    @ValueSource(strings = {"Bearer s3cret\r\nX-Evil: 1", "s3cret\n", "\rs3cret"})
    void headerValueWithALineBreakIsHidden(String value) {
        assertThatThrownBy(() -> builder().header("Authorization", value).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.client.prices.header.Authorization ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void headerValueIsHiddenWhenTheHeaderNameIsBad() {
        assertThatThrownBy(() -> builder().header("X-Api Key", "s3cret").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.client.prices.header.X-Api Key ")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "s3cret\r\n", "s3cret\nX-Evil: 1", "\rs3cret"})
    void badTokenIsHidden(String token) {
        assertThatThrownBy(() -> builder().token(token).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.client.prices.token ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theFirstBadSettingIsReported() {
        assertThatThrownBy(() ->
                        builder().connectTimeout(Duration.ZERO).maxAttempts(-1).build())
                .hasMessageContaining("connect-timeout")
                .hasMessageNotContaining("max-attempts");
    }

    @Test
    void unlimitedAttemptsAndNoHeartbeatAreFine() {
        ClientOptions options = builder()
                .maxAttempts(0)
                .heartbeat(Duration.ZERO, Duration.ofSeconds(1))
                .build();
        assertThat(options.maxAttempts()).isZero();
        assertThat(options.heartbeatInterval()).isZero();
    }
}
