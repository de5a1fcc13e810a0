package io.switchboard.impl.tracing.sdk;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * What MicroProfile Telemetry offers a deployment, in the fast harness: an {@link OpenTelemetry} bean of the real
 * SDK, with W3C trace context propagation, exporting every ended span at once into {@link #SPANS}.
 */
@ApplicationScoped
public class OpenTelemetryProducer {

    /** The spans exported in this JVM. */
    public static final InMemorySpans SPANS = new InMemorySpans();

    @Produces
    @ApplicationScoped
    OpenTelemetry openTelemetry() {
        SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                .build();
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracing)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }
}
