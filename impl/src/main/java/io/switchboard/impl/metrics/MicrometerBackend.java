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
 * management interface's Prometheus context). WildFly keeps a deployment's meters after it is undeployed (and a
 * redeployed application would find the old ones, gauges still reading the old objects), so every meter made here
 * is removed when the application stops.
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

    // WildFly 39's application registry passes only the registry's own shortcut methods on to the server's
    // registry: meters made with Counter.builder(...).register(registry) stay in a private registry and are never
    // scraped. So shortcuts only, which take no description or base unit.

    @Override
    public Counter counter(String name, String description, String unit, Map<String, String> tags) {
        io.micrometer.core.instrument.Counter counter = remember(registry.counter(name, tags(tags)));
        return counter::increment;
    }

    @Override
    public Distribution timer(String name, String description, Map<String, String> tags) {
        Timer timer = remember(registry.timer(name, tags(tags)));
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public Distribution histogram(String name, String description, String unit, Map<String, String> tags) {
        DistributionSummary summary = remember(registry.summary(name, tags(tags)));
        return summary::record;
    }

    @Override
    public void gauge(String name, String description, Map<String, String> tags, LongSupplier value) {
        gauges.add(value);
        registry.gauge(name, tags(tags), value, LongSupplier::getAsLong);
        Gauge gauge = registry.find(name).tags(tags(tags)).gauge();
        if (gauge != null) {
            registered.add(gauge);
        }
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
        gauges.clear();
    }
}
