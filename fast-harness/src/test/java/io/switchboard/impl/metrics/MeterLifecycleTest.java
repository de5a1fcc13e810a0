package io.switchboard.impl.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.impl.metrics.registry.PrometheusRegistryProducer;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.metrics.MeteredEndpoint;
import org.junit.jupiter.api.Test;

/**
 * A registry that outlives the application (WildFly's does) keeps none of its meters: gauges would go on reading
 * the stopped application's objects, and a redeployed one would count on from the old values. And an endpoint
 * whose metrics are switched off has none.
 */
class MeterLifecycleTest {

    @Test
    void everySwitchboardMeterIsRemovedWhenTheApplicationStops() throws Exception {
        MeterRegistry registry;
        try (FastServer server = FastServer.start(
                FastServer.Mode.SWITCHBOARD, MeteredEndpoint.class, PrometheusRegistryProducer.class)) {
            try (TestClient client = TestClient.connect(server.base().resolve("metered/lobby"))) {
                assertThat(client.ask("hi")).isEqualTo("hi");
            }
            registry = PrometheusRegistryProducer.current;
            assertThat(registry.getMeters()).anyMatch(m -> m.getId().getName().startsWith("switchboard."));
            assertThat(registry.find("switchboard.sessions.active").gauge()).isNotNull();
        }
        assertThat(registry.getMeters()).noneMatch(m -> m.getId().getName().startsWith("switchboard."));
    }

    @Test
    void anEndpointWithMetricsSwitchedOffRecordsNothing() throws Exception {
        System.setProperty("switchboard.MeteredEndpoint.metrics.enabled", "false");
        try (FastServer server = FastServer.start(
                FastServer.Mode.SWITCHBOARD, MeteredEndpoint.class, PrometheusRegistryProducer.class)) {
            try (TestClient client = TestClient.connect(server.base().resolve("metered/lobby"))) {
                assertThat(client.ask("hi")).isEqualTo("hi");
            }
            assertThat(PrometheusRegistryProducer.current.getMeters())
                    .noneMatch(m -> "MeteredEndpoint".equals(m.getId().getTag("endpoint")));
        } finally {
            System.clearProperty("switchboard.MeteredEndpoint.metrics.enabled");
        }
    }
}
