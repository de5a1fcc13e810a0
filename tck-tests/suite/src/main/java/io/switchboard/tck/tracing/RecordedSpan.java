package io.switchboard.tck.tracing;

import java.util.List;
import java.util.Map;

/**
 * One exported span as the scenarios read it, whether it came from an OTLP request or an in-memory exporter.
 *
 * @param traceId      the trace id, 32 lower-case hex digits
 * @param spanId       the span id, 16 lower-case hex digits
 * @param parentSpanId the parent's span id, or {@code ""} for a root span
 * @param name         the span's name
 * @param kind         {@code SERVER}, {@code INTERNAL}, ...
 * @param attributes   every attribute, its value as text
 * @param links        the linked spans, each as {@code traceId:spanId}
 * @param error        whether the span's status is an error
 */
public record RecordedSpan(
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        String kind,
        Map<String, String> attributes,
        List<String> links,
        boolean error) {

    /** This span's id as a link names it: {@code traceId:spanId}. */
    public String linkId() {
        return traceId + ":" + spanId;
    }

    /**
     * One attribute.
     *
     * @param key its key
     * @return its value as text, or {@code null}
     */
    public String attribute(String key) {
        return attributes.get(key);
    }
}
