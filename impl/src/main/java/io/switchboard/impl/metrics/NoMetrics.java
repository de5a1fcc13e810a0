package io.switchboard.impl.metrics;

import io.switchboard.spi.MetricsBackend;
import java.util.Map;
import java.util.function.LongSupplier;

/** No backend on the server, or metrics switched off: every instrument does nothing. */
final class NoMetrics implements MetricsBackend {

    static final NoMetrics INSTANCE = new NoMetrics();
    private static final Counter COUNTER = amount -> {};
    private static final Distribution DISTRIBUTION = value -> {};

    private NoMetrics() {}

    @Override
    public Counter counter(String name, String description, String unit, Map<String, String> tags) {
        return COUNTER;
    }

    @Override
    public Distribution timer(String name, String description, Map<String, String> tags) {
        return DISTRIBUTION;
    }

    @Override
    public Distribution histogram(String name, String description, String unit, Map<String, String> tags) {
        return DISTRIBUTION;
    }

    @Override
    public void gauge(String name, String description, Map<String, String> tags, LongSupplier value) {}

    @Override
    public void close() {}
}
