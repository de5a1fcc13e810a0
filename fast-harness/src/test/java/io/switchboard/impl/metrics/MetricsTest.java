package io.switchboard.impl.metrics;

import io.switchboard.impl.metrics.registry.PrometheusRegistryProducer;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.metrics.MeteredEndpoint;
import io.switchboard.tck.metrics.MetricsScenarios;
import io.switchboard.tck.metrics.PrometheusText;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The metrics scenario on Tyrus with Weld SE, recorded by Micrometer into a Prometheus registry bean. */
class MetricsTest extends MetricsScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(
                    FastServer.Mode.SWITCHBOARD, MeteredEndpoint.class, PrometheusRegistryProducer.class)
            .withConfig("switchboard.MeteredEndpoint.allowed-origins", "https://app.example.com");

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected PrometheusText scrape() {
        return new PrometheusText(PrometheusRegistryProducer.current.scrape());
    }
}
