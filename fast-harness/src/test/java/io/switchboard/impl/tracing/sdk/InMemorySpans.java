package io.switchboard.impl.tracing.sdk;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.switchboard.tck.tracing.RecordedSpan;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A span exporter that keeps the spans of scope {@code io.switchboard}, as the scenarios read them. */
public final class InMemorySpans implements SpanExporter {

    private final List<RecordedSpan> spans = new CopyOnWriteArrayList<>();

    /** Every span kept so far. */
    public List<RecordedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> exported) {
        for (SpanData span : exported) {
            if (span.getInstrumentationScopeInfo().getName().equals("io.switchboard")) {
                spans.add(recorded(span));
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    private static RecordedSpan recorded(SpanData span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
        List<String> links = span.getLinks().stream()
                .map(LinkData::getSpanContext)
                .map(c -> c.getTraceId() + ":" + c.getSpanId())
                .toList();
        return new RecordedSpan(
                span.getTraceId(),
                span.getSpanId(),
                span.getParentSpanContext().isValid() ? span.getParentSpanId() : "",
                span.getName(),
                span.getKind().name(),
                attributes,
                links,
                span.getStatus().getStatusCode() == io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
