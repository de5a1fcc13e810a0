package io.switchboard.bench.tyrus.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * A span exporter that counts the spans of scope {@code io.switchboard} by name and endpoint id, sums the broadcast
 * spans' {@code switchboard.broadcast.delivered}, and discards them: the tracing cost's exporter, which adds no
 * serialisation or network to what it measures.
 */
public final class CountingSpanExporter implements SpanExporter {

    private static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("switchboard.endpoint.id");
    private static final AttributeKey<Long> DELIVERED = AttributeKey.longKey("switchboard.broadcast.delivered");

    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder delivered = new LongAdder();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            if (!span.getInstrumentationScopeInfo().getName().equals("io.switchboard")) {
                continue;
            }
            String endpoint = span.getAttributes().get(ENDPOINT);
            counts.computeIfAbsent(span.getName() + "\t" + (endpoint == null ? "-" : endpoint), k -> new LongAdder())
                    .increment();
            Long broadcastDelivered = span.getAttributes().get(DELIVERED);
            if (broadcastDelivered != null) {
                delivered.add(broadcastDelivered);
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    /** One line per span name and endpoint id ({@code <name> TAB <endpoint or -> TAB <count>}), then the sum. */
    public String summary() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted.entrySet().stream()
                        .map(e -> e.getKey() + "\t" + e.getValue())
                        .collect(Collectors.joining("\n", "", sorted.isEmpty() ? "" : "\n"))
                + "delivered\t-\t" + delivered.sum();
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
