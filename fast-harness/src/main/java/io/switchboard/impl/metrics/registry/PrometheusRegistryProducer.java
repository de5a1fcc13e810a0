package io.switchboard.impl.metrics.registry;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** What WildFly's micrometer subsystem offers a deployment, in the fast harness: a Prometheus registry bean. */
@ApplicationScoped
public class PrometheusRegistryProducer {

    /** The registry of the running fast server, for the test to scrape. */
    public static volatile PrometheusMeterRegistry current;

    @Produces
    @ApplicationScoped
    io.micrometer.core.instrument.MeterRegistry registry() {
        current = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return current;
    }
}
