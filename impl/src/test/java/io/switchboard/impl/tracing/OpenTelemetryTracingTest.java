package io.switchboard.impl.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handshake's trace context, read with the OpenTelemetry API alone (its tracer records nothing, but a span it
 * starts carries its parent's context): the client's {@code traceparent} is found whatever the case of its name.
 */
class OpenTelemetryTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    private final OpenTelemetryTracing tracing = new OpenTelemetryTracing(
            OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));

    @Test
    void continuesTheClientsTraceWhateverTheHeadersCase() {
        for (String name : List.of("traceparent", "Traceparent", "TRACEPARENT")) {
            SpanContext handshake = (SpanContext) tracing.handshake(
                    "Chat", "/chat/{room}", Map.of(name, List.of("00-" + TRACE + "-" + PARENT + "-01")), null, 101);
            assertThat(handshake.getTraceId()).as(name).isEqualTo(TRACE);
        }
    }

    @Test
    void startsATraceOfItsOwnWithoutTraceContext() {
        SpanContext handshake = (SpanContext) tracing.handshake("Chat", "/chat/{room}", Map.of(), "origin", 403);
        assertThat(handshake.getTraceId()).isNotEqualTo(TRACE);
        assertThat(tracing.handshake("Chat", "/chat/{room}", null, "origin", 403))
                .isInstanceOf(SpanContext.class);
    }

    @Test
    void aCallbackSpanIsCurrentUntilClosed() {
        Span before = Span.current();
        try (TraceSpan span = tracing.callback("switchboard.on_open", "Chat", "1", null, null)) {
            span.failed(new IllegalStateException("contents must not be recorded"));
        }
        assertThat(Span.current()).isSameAs(before);
    }
}
