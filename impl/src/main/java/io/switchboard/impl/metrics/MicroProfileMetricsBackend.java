package io.switchboard.impl.metrics;

import io.switchboard.spi.MetricsBackend;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * MicroProfile Metrics 5 through the application's {@link MetricRegistry} (Payara 6: scraped at {@code /metrics}).
 * The registry API is used, not annotations, which do nothing on WebSocket endpoints.
 */
final class MicroProfileMetricsBackend implements MetricsBackend {

    private final MetricRegistry registry;
    private final Set<MetricID> registered = ConcurrentHashMap.newKeySet();

    private MicroProfileMetricsBackend(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * The backend over the application's registry, or {@code null} where CDI offers none. The registry is
     * injected into a field rather than looked up: Payara's producer reads its injection point, which a
     * programmatic lookup does not have.
     */
    static MetricsBackend lookup() {
        if (!CDI.current().select(MetricRegistry.class).isResolvable()) {
            return null;
        }
        Unmanaged.UnmanagedInstance<RegistryHolder> holder = new Unmanaged<>(RegistryHolder.class).newInstance();
        MetricRegistry registry = holder.produce().inject().get().registry;
        return new MicroProfileMetricsBackend(registry);
    }

    /** Not a bean: a class for {@link Unmanaged} to inject the application's registry into. */
    static final class RegistryHolder {
        @Inject
        MetricRegistry registry;
    }

    private static Metadata metadata(String name, String description, String unit) {
        org.eclipse.microprofile.metrics.MetadataBuilder builder =
                Metadata.builder().withName(name).withDescription(description);
        return (unit == null ? builder : builder.withUnit(unit)).build();
    }

    private static Tag[] tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> new Tag(e.getKey(), e.getValue()))
                .toArray(Tag[]::new);
    }

    private void remember(String name, Tag[] tags) {
        registered.add(new MetricID(name, tags));
    }

    @Override
    public Counter counter(String name, String description, String unit, Map<String, String> tags) {
        Tag[] tagArray = tags(tags);
        org.eclipse.microprofile.metrics.Counter counter =
                registry.counter(metadata(name, description, unit), tagArray);
        remember(name, tagArray);
        return counter::inc;
    }

    @Override
    public Distribution timer(String name, String description, Map<String, String> tags) {
        Tag[] tagArray = tags(tags);
        org.eclipse.microprofile.metrics.Timer timer = registry.timer(metadata(name, description, null), tagArray);
        remember(name, tagArray);
        return nanos -> timer.update(Duration.ofNanos(nanos));
    }

    @Override
    public Distribution histogram(String name, String description, String unit, Map<String, String> tags) {
        Tag[] tagArray = tags(tags);
        org.eclipse.microprofile.metrics.Histogram histogram =
                registry.histogram(metadata(name, description, unit), tagArray);
        remember(name, tagArray);
        return histogram::update;
    }

    @Override
    public void gauge(String name, String description, Map<String, String> tags, LongSupplier value) {
        Tag[] tagArray = tags(tags);
        registry.gauge(metadata(name, description, null), value, LongSupplier::getAsLong, tagArray);
        remember(name, tagArray);
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
    }
}
