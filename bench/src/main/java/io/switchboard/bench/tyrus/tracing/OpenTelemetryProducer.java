package io.switchboard.bench.tyrus.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.TimeUnit;

/**
 * What MicroProfile Telemetry offers a deployment, on the Tyrus bench server started for the tracing cost: an
 * {@link OpenTelemetry} bean of the SDK, W3C trace context propagation, a {@link BatchSpanProcessor} with its
 * defaults (as MicroProfile Telemetry's autoconfiguration: 2,048 spans queued, batches of 512, every 5 s) into a
 * {@link CountingSpanExporter}. Deployed only where the server is started with {@code -Dbench.tracing=true}.
 */
@ApplicationScoped
public class OpenTelemetryProducer {

    /** The spans exported in this JVM. */
    public static final CountingSpanExporter SPANS = new CountingSpanExporter();

    private static volatile SdkTracerProvider provider;

    @Produces
    @ApplicationScoped
    OpenTelemetry openTelemetry() {
        SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(SPANS).build())
                .build();
        provider = tracing;
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracing)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    /** Exports what the batch processor holds, then the exporter's counts ({@link CountingSpanExporter#summary}). */
    public static String flushedSummary() {
        SdkTracerProvider tracing = provider;
        if (tracing != null) {
            tracing.forceFlush().join(30, TimeUnit.SECONDS);
        }
        return SPANS.summary();
    }
}
