package io.switchboard.tck.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Traces, read from what the server exported: a handshake span continuing the client's {@code traceparent}, a span
 * per callback linked to it, a span per broadcast under the callback that made it, a refused handshake's span with
 * its reason and without the token, and nothing for an endpoint whose tracing is off.
 */
public abstract class TracingScenarios {

    /**
     * The deployment's configuration: tracing on by default, off for {@link UntracedEndpoint}; one origin allowed
     * for {@link LimitedEndpoint}.
     */
    public static final String CONFIG = "switchboard.default.tracing.enabled=true\n"
            + "switchboard.UntracedEndpoint.tracing.enabled=false\n"
            + "switchboard.LimitedEndpoint.allowed-origins=https://app.example.com\n";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /** Every span exported so far. */
    protected abstract List<RecordedSpan> spans();

    /**
     * Whether Switchboard's handshake filter runs around the upgrade (on the servers; not on bare Tyrus), which keeps
     * the trace context for a refusal of the origin.
     */
    protected boolean handshakeFilterRuns() {
        return true;
    }

    private URI uri(String path) {
        return base().resolve(path);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private Optional<RecordedSpan> handshakeIn(String traceId, String endpoint) {
        return spans().stream()
                .filter(s -> s.traceId().equals(traceId) && s.name().equals("switchboard.handshake " + endpoint))
                .findFirst();
    }

    private List<RecordedSpan> linkedTo(RecordedSpan handshake) {
        return spans().stream()
                .filter(s -> s.links().contains(handshake.linkId()))
                .toList();
    }

    private static long named(List<RecordedSpan> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).count();
    }

    @Test
    void handshakeCallbacksAndBroadcastAreTracedAndLinked() {
        String trace = hex(16);
        String parent = hex(8);
        try (TestClient client = TestClient.connect(
                uri("traced/lobby?topic=query-secret"), Map.of("traceparent", "00-" + trace + "-" + parent + "-01"))) {
            assertThat(client.ask("hello-content")).isEqualTo("hello-content");
            client.sendBinary(new byte[] {1, 2, 3});
            assertThat(client.nextBinary()).hasSize(3);
            client.sendText("broadcast:news-content");
            assertThat(client.nextText()).isEqualTo("news-content");
        }

        RecordedSpan handshake = await().atMost(WAIT)
                .until(() -> handshakeIn(trace, "TracedEndpoint"), Optional::isPresent)
                .get();
        assertThat(handshake.kind()).isEqualTo("SERVER");
        assertThat(handshake.parentSpanId()).isEqualTo(parent);
        assertThat(handshake.attributes())
                .containsEntry("switchboard.endpoint.id", "TracedEndpoint")
                .containsEntry("http.route", "/traced/{room}")
                .containsEntry("switchboard.handshake.outcome", "accepted")
                .containsEntry("http.response.status_code", "101")
                .doesNotContainKey("switchboard.handshake.refusal");

        List<RecordedSpan> callbacks = await().atMost(WAIT)
                .until(
                        () -> linkedTo(handshake),
                        found -> named(found, "switchboard.on_close") == 1
                                && named(found, "switchboard.on_message") == 3);
        assertThat(named(callbacks, "switchboard.on_open")).isEqualTo(1);
        for (RecordedSpan callback : callbacks) {
            assertThat(callback.kind()).isEqualTo("INTERNAL");
            assertThat(callback.traceId())
                    .as("a callback starts a trace of its own")
                    .isNotEqualTo(trace);
            assertThat(callback.attributes())
                    .containsEntry("switchboard.endpoint.id", "TracedEndpoint")
                    .containsKey("switchboard.session.id");
        }
        assertThat(callbacks.stream()
                        .filter(s -> s.name().equals("switchboard.on_message"))
                        .map(s -> s.attribute("switchboard.message.type"))
                        .sorted()
                        .toList())
                .containsExactly("binary", "text", "text");

        List<String> textMessages = callbacks.stream()
                .filter(s -> "text".equals(s.attribute("switchboard.message.type")))
                .map(RecordedSpan::spanId)
                .toList();
        RecordedSpan broadcast = await().atMost(WAIT)
                .until(
                        () -> spans().stream()
                                .filter(s -> s.name().equals("switchboard.broadcast")
                                        && textMessages.contains(s.parentSpanId()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(broadcast.attributes())
                .containsEntry("switchboard.broadcast.recipients", "1")
                .containsEntry("switchboard.broadcast.delivered", "1")
                .containsEntry("switchboard.broadcast.dropped", "0");

        assertThat(spans())
                .as("no span records a message's contents or the query string")
                .allSatisfy(span -> assertThat(span.attributes().values())
                        .noneMatch(v -> v.contains("content") || v.contains("query-secret")));
    }

    @Test
    void aFailingCallbackMarksItsSpanAndTheErrorCallbackIsTraced() {
        String trace = hex(16);
        try (TestClient client =
                TestClient.connect(uri("traced/errors"), Map.of("traceparent", "00-" + trace + "-" + hex(8) + "-01"))) {
            client.sendText("fail:secret-content");
            assertThat(client.ask("still-open")).isEqualTo("still-open");
        }
        RecordedSpan handshake = await().atMost(WAIT)
                .until(() -> handshakeIn(trace, "TracedEndpoint"), Optional::isPresent)
                .get();
        List<RecordedSpan> callbacks = await().atMost(WAIT)
                .until(() -> linkedTo(handshake), found -> named(found, "switchboard.on_close") == 1);
        RecordedSpan failedMessage = callbacks.stream()
                .filter(s -> s.name().equals("switchboard.on_message") && s.error())
                .findFirst()
                .orElseThrow();
        assertThat(failedMessage.attributes()).containsEntry("error.type", IllegalStateException.class.getName());
        RecordedSpan onError = callbacks.stream()
                .filter(s -> s.name().equals("switchboard.on_error"))
                .findFirst()
                .orElseThrow();
        assertThat(onError.error()).isTrue();
        assertThat(onError.attributes()).containsEntry("error.type", IllegalStateException.class.getName());
        assertThat(callbacks.stream().filter(s -> s.name().equals("switchboard.on_message") && !s.error()))
                .hasSize(1);
        assertThat(callbacks)
                .allSatisfy(
                        span -> assertThat(span.attributes().values()).noneMatch(v -> v.contains("secret-content")));
    }

    @Test
    void aRefusedHandshakeNamesItsReasonButNeverTheToken() throws Exception {
        String trace = hex(16);
        String parent = hex(8);
        String token = "SECRET-TOKEN-" + hex(8);
        try (TestClient holder = TestClient.connect(uri("traced-limited"))) {
            assertThat(holder.ask("hold")).isEqualTo("hold");
            try (RawClient refused = RawClient.handshake(
                    uri("traced-limited?access_token=" + token),
                    List.of("Authorization: Bearer " + token, "traceparent: 00-" + trace + "-" + parent + "-01"))) {
                // Refused before the upgrade where a filter runs (503), right after it on bare Tyrus (1013).
                assertThat(refused.status()).isIn(101, 503);
            }
        }
        RecordedSpan handshake = await().atMost(WAIT)
                .until(() -> handshakeIn(trace, "LimitedEndpoint"), Optional::isPresent)
                .get();
        assertThat(handshake.parentSpanId()).isEqualTo(parent);
        assertThat(handshake.attributes())
                .containsEntry("switchboard.endpoint.id", "LimitedEndpoint")
                .containsEntry("switchboard.handshake.outcome", "refused")
                .containsEntry("switchboard.handshake.refusal", "limits")
                .containsEntry("http.response.status_code", "503");
        assertThat(spans())
                .as("no span records the token")
                .allSatisfy(span -> assertThat(span.attributes().values()).noneMatch(v -> v.contains(token)));
    }

    @Test
    void anOriginRefusalIsTracedWithItsReason() throws Exception {
        String trace = hex(16);
        String parent = hex(8);
        try (RawClient refused = RawClient.handshake(
                uri("traced-limited"),
                List.of("Origin: https://evil.example.net", "traceparent: 00-" + trace + "-" + parent + "-01"))) {
            assertThat(refused.status()).isEqualTo(403);
        }
        RecordedSpan handshake = await().atMost(WAIT)
                .until(
                        () -> spans().stream()
                                .filter(s -> s.name().equals("switchboard.handshake LimitedEndpoint")
                                        && "origin".equals(s.attribute("switchboard.handshake.refusal"))
                                        && (!handshakeFilterRuns()
                                                || s.traceId().equals(trace)))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        if (handshakeFilterRuns()) {
            assertThat(handshake.parentSpanId()).isEqualTo(parent);
        }
        assertThat(handshake.attributes())
                .containsEntry("switchboard.handshake.outcome", "refused")
                .containsEntry("http.response.status_code", "403");
    }

    @Test
    void anEndpointWithTracingOffMakesNoSpans() {
        try (TestClient untraced = TestClient.connect(uri("untraced"))) {
            assertThat(untraced.ask("quiet")).isEqualTo("quiet");
        }
        // A traced session after it: once its spans are exported, the untraced one's would have been too.
        String trace = hex(16);
        try (TestClient marker =
                TestClient.connect(uri("traced/marker"), Map.of("traceparent", "00-" + trace + "-" + hex(8) + "-01"))) {
            assertThat(marker.ask("mark")).isEqualTo("mark");
        }
        RecordedSpan handshake = await().atMost(WAIT)
                .until(() -> handshakeIn(trace, "TracedEndpoint"), Optional::isPresent)
                .get();
        await().atMost(WAIT).until(() -> named(linkedTo(handshake), "switchboard.on_close") == 1);
        assertThat(spans())
                .noneMatch(s -> "UntracedEndpoint".equals(s.attribute("switchboard.endpoint.id"))
                        || s.name().contains("UntracedEndpoint"));
    }
}
