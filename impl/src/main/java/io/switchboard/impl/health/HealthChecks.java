package io.switchboard.impl.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The part of the health checks that names MicroProfile Health's types, used only where they load: adds the two
 * beans, and turns a {@link HealthReports.Report} into a response.
 */
final class HealthChecks {

    /** The name of both checks. */
    static final String NAME = "switchboard";

    private HealthChecks() {}

    /**
     * Adds the readiness and the liveness check.
     *
     * @param discovery the event
     * @param extension what the checks reach the reports through
     */
    static void addTo(AfterBeanDiscovery discovery, HealthExtension extension) {
        discovery
                .addBean()
                .beanClass(ReadinessCheck.class)
                .types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(context -> new ReadinessCheck(extension));
        discovery
                .addBean()
                .beanClass(LivenessCheck.class)
                .types(HealthCheck.class, Object.class)
                .qualifiers(Liveness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(context -> new LivenessCheck(extension));
    }

    /**
     * A response of MicroProfile Health's, made with its constructor: the builder needs a server's response
     * provider, which a bare Weld SE lacks.
     *
     * @param report the report
     * @return the response
     */
    static HealthCheckResponse response(HealthReports.Report report) {
        Map<String, Object> data = new LinkedHashMap<>();
        report.data().forEach((key, value) -> {
            // MicroProfile Health's data values are strings, longs and booleans.
            if (value instanceof Boolean || value instanceof Long || value instanceof String) {
                data.put(key, value);
            } else if (value instanceof Number number) {
                data.put(key, number.longValue());
            } else {
                data.put(key, String.valueOf(value));
            }
        });
        return new HealthCheckResponse(
                NAME, report.up() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
