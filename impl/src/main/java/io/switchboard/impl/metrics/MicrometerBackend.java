package io.switchboard.impl.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.switchboard.spi.MetricsBackend;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Micrometer through a {@link MeterRegistry} CDI bean (WildFly's {@code micrometer} subsystem, scraped at the
 * management interface's Prometheus context).
 */
final class MicrometerBackend implements MetricsBackend {

    private final MeterRegistry registry;
    private final List<Meter> registered = new CopyOnWriteArrayList<>();
    /** Micrometer holds a gauge's object weakly: the suppliers are kept here. */
    private final List<LongSupplier> gauges = new CopyOnWriteArrayList<>();

    MicrometerBackend(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The backend over the registry CDI offers, or {@code null} where it offers none. */
    static MetricsBackend lookup() {
        Instance<MeterRegistry> registry = CDI.current().select(MeterRegistry.class);
        return registry.isResolvable() ? new MicrometerBackend(registry.get()) : null;
    }

    private static Tags tags(Map<String, String> tags) {
        Tags result = Tags.empty();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            result = result.and(tag.getKey(), tag.getValue());
        }
        return result;
    }

    private <M extends Meter> M remember(M meter) {
        registered.add(meter);
        return meter;
    }

    @Override
    public Counter counter(String name, String description, String unit, Map<String, String> tags) {
        io.micrometer.core.instrument.Counter counter = remember(io.micrometer.core.instrument.Counter.builder(name)
                .description(description).baseUnit(unit).tags(tags(tags)).register(registry));
        return counter::increment;
    }

    @Override
    public Distribution timer(String name, String description, Map<String, String> tags) {
        Timer timer = remember(Timer.builder(name).description(description).tags(tags(tags)).register(registry));
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public Distribution histogram(String name, String description, String unit, Map<String, String> tags) {
        DistributionSummary summary = remember(DistributionSummary.builder(name).description(description)
                .baseUnit(unit).tags(tags(tags)).register(registry));
        return summary::record;
    }

    @Override
    public void gauge(String name, String description, Map<String, String> tags, LongSupplier value) {
        gauges.add(value);
        remember(Gauge.builder(name, value, LongSupplier::getAsLong).description(description).tags(tags(tags))
                .register(registry));
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
        gauges.clear();
    }
}
