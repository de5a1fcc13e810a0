package io.switchboard.impl.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;

/**
 * Spans through the {@code OpenTelemetry} bean of MicroProfile Telemetry. Not a bean (it names OpenTelemetry types):
 * {@link SwitchboardTracing} loads it by name, only where the API is there, and calls {@link #lookup(Instance)}. It uses only
 * calls of the API that Payara 6 (OpenTelemetry 1.29) and WildFly 39 (1.48) both have.
 */
final class OpenTelemetryTracing implements TraceBackend {

    /** The instrumentation scope's name. */
    static final String SCOPE = "io.switchboard";

    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey(SpanNames.ENDPOINT_ID);
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(SpanNames.HANDSHAKE_OUTCOME);
    static final AttributeKey<String> REFUSAL = AttributeKey.stringKey(SpanNames.HANDSHAKE_REFUSAL);
    static final AttributeKey<String> SESSION = AttributeKey.stringKey(SpanNames.SESSION_ID);
    static final AttributeKey<String> MESSAGE_TYPE = AttributeKey.stringKey(SpanNames.MESSAGE_TYPE);
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> RECIPIENTS = AttributeKey.longKey(SpanNames.RECIPIENTS);
    static final AttributeKey<Long> QUEUED = AttributeKey.longKey(SpanNames.QUEUED);
    static final AttributeKey<Long> DELIVERED = AttributeKey.longKey(SpanNames.DELIVERED);
    static final AttributeKey<Long> DROPPED = AttributeKey.longKey(SpanNames.DROPPED);
    static final AttributeKey<Long> FAILED = AttributeKey.longKey(SpanNames.FAILED);

    /** Reads the trace context from handshake headers, whose names' case depends on the container. */
    private static final TextMapGetter<Map<String, List<String>>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, List<String>> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, List<String>> carrier, String key) {
            if (carrier == null) {
                return null;
            }
            List<String> values = carrier.get(key);
            if (values == null) {
                for (Map.Entry<String, List<String>> header : carrier.entrySet()) {
                    if (header.getKey() != null && header.getKey().equalsIgnoreCase(key)) {
                        values = header.getValue();
                        break;
                    }
                }
            }
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    OpenTelemetryTracing(OpenTelemetry openTelemetry) {
        String version = OpenTelemetryTracing.class.getPackage().getImplementationVersion();
        this.tracer = version == null ? openTelemetry.getTracer(SCOPE) : openTelemetry.getTracer(SCOPE, version);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * The deployment's {@code OpenTelemetry} bean, once; called reflectively by {@link SwitchboardTracing}.
     *
     * @param beans the deployment's beans
     * @return the backend, or {@code null} when no such bean is offered
     */
    static TraceBackend lookup(Instance<Object> beans) {
        Instance<OpenTelemetry> found = beans.select(OpenTelemetry.class);
        return found.isResolvable() ? new OpenTelemetryTracing(found.get()) : null;
    }

    @Override
    public Object handshake(
            String endpointId, String path, Map<String, List<String>> headers, String refusal, int status) {
        Context parent = headers == null ? Context.root() : propagator.extract(Context.root(), headers, HEADERS);
        Span span = tracer.spanBuilder("switchboard.handshake " + endpointId)
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute(ENDPOINT, endpointId)
                .setAttribute(ROUTE, path)
                .setAttribute(STATUS, (long) status)
                .setAttribute(OUTCOME, refusal == null ? "accepted" : "refused")
                .startSpan();
        if (refusal != null) {
            span.setAttribute(REFUSAL, refusal);
        }
        span.end();
        return span.getSpanContext();
    }

    @Override
    public TraceSpan callback(String name, String endpointId, String sessionId, String messageType, Object handshake) {
        SpanBuilder builder = tracer.spanBuilder(name)
                .setSpanKind(SpanKind.INTERNAL)
                .setNoParent()
                .setAttribute(ENDPOINT, endpointId)
                .setAttribute(SESSION, sessionId);
        if (messageType != null) {
            builder.setAttribute(MESSAGE_TYPE, messageType);
        }
        if (handshake instanceof SpanContext context && context.isValid()) {
            builder.addLink(context);
        }
        Span span = builder.startSpan();
        return new Current(span, span.makeCurrent());
    }

    @Override
    public BroadcastTrace broadcast() {
        Span span = tracer.spanBuilder(SpanNames.BROADCAST)
                .setSpanKind(SpanKind.INTERNAL)
                .startSpan();
        return (recipients, queued, delivered, dropped, failed) -> {
            span.setAttribute(RECIPIENTS, (long) recipients);
            span.setAttribute(QUEUED, (long) queued);
            span.setAttribute(DELIVERED, (long) delivered);
            span.setAttribute(DROPPED, (long) dropped);
            span.setAttribute(FAILED, (long) failed);
            span.end();
        };
    }

    /** A callback's span, current on its thread until it is closed. */
    private static final class Current implements TraceSpan {
        private final Span span;
        private final Scope scope;

        Current(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public void failed(Throwable error) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(ERROR_TYPE, error.getClass().getName());
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
