package io.switchboard.tck.tracing.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.switchboard.tck.tracing.RecordedSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP collector on the loopback interface, for the servers' MicroProfile Telemetry exporters: it takes
 * {@code POST /v1/traces} as {@code http/protobuf} (gzipped or not: WildFly compresses, Payara does not), keeps the
 * spans of the instrumentation scope {@code io.switchboard}, and answers with an empty export response.
 */
public final class OtlpCollector implements AutoCloseable {

    private static final String SCOPE = "io.switchboard";

    private final HttpServer server;
    private final List<RecordedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts a collector on a free port of 127.0.0.1.
     *
     * @return the running collector
     */
    public static OtlpCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpCollector collector = new OtlpCollector(server);
            server.createContext("/v1/traces", collector::traces);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL an exporter is configured with ({@code otel.exporter.otlp.endpoint}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The MicroProfile Config properties that make a deployment export its spans here.
     *
     * @param serviceName the {@code otel.service.name}
     * @return the properties, one a line
     */
    public String config(String serviceName) {
        return "otel.sdk.disabled=false\n"
                + "otel.service.name=" + serviceName + "\n"
                + "otel.exporter.otlp.protocol=http/protobuf\n"
                + "otel.exporter.otlp.endpoint=" + endpoint() + "\n"
                + "otel.metrics.exporter=none\n"
                + "otel.logs.exporter=none\n"
                + "otel.bsp.schedule.delay=100\n";
    }

    /** Every span of scope {@code io.switchboard} received so far. */
    public List<RecordedSpan> spans() {
        return List.copyOf(spans);
    }

    private void traces(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in =
                    "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody())
                            : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException bad) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            for (ResourceSpans resource : request.getResourceSpansList()) {
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    if (SCOPE.equals(scope.getScope().getName())) {
                        scope.getSpansList().forEach(span -> spans.add(recorded(span)));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static RecordedSpan recorded(Span span) {
        HexFormat hex = HexFormat.of();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        List<String> links = new ArrayList<>();
        for (Span.Link link : span.getLinksList()) {
            links.add(hex.formatHex(link.getTraceId().toByteArray()) + ":"
                    + hex.formatHex(link.getSpanId().toByteArray()));
        }
        return new RecordedSpan(
                hex.formatHex(span.getTraceId().toByteArray()),
                hex.formatHex(span.getSpanId().toByteArray()),
                hex.formatHex(span.getParentSpanId().toByteArray()),
                span.getName(),
                span.getKind().name().replace("SPAN_KIND_", ""),
                attributes,
                links,
                span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
