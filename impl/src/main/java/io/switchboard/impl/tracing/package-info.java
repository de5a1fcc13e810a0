/**
 * Switchboard's traces: a span per handshake, per endpoint callback and per broadcast, recorded through the
 * {@code OpenTelemetry} bean that MicroProfile Telemetry offers, for the endpoints whose
 * {@code switchboard.<id>.tracing.enabled} (or {@code switchboard.default.tracing.enabled}) is {@code true}. Nothing
 * outside {@link io.switchboard.impl.tracing.OpenTelemetryTracing} names an OpenTelemetry type, so the package loads
 * and runs (as "no tracing") where the API is absent; when tracing is off, the callers' cost is a field check.
 * Never recorded: tokens, query strings, headers other than {@code traceparent}/{@code tracestate}, message contents.
 */
package io.switchboard.impl.tracing;
