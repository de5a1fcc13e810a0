/**
 * The Tyrus bench server's OpenTelemetry SDK bean and span-counting exporter, for the tracing cost
 * ({@code parts=tracing}); deployed only where the server is started with {@code -Dbench.tracing=true}, never in the
 * Payara bench WAR.
 */
package io.switchboard.bench.tyrus.tracing;
