package io.switchboard.impl.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.health.HealthRoomEndpoint;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code switchboard.health.enabled=false} leaves no check behind; a bad health setting fails the deployment. */
class HealthSettingsDeploymentTest {

    @AfterEach
    void clear() {
        System.clearProperty("switchboard.health.enabled");
        System.clearProperty("switchboard.health.liveness.sweep-stall");
    }

    @Test
    void switchedOffThereIsNoCheckAndEverythingElseWorks() throws Exception {
        System.setProperty("switchboard.health.enabled", "false");
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, HealthRoomEndpoint.class);
                TestClient client = TestClient.connect(server.base().resolve("health-room/off"))) {
            assertThat(client.ask("hi")).isEqualTo("hi");
            assertThat(server.cdi()
                            .select(HealthCheck.class, Readiness.Literal.INSTANCE)
                            .isUnsatisfied())
                    .isTrue();
            assertThat(server.cdi()
                            .select(HealthCheck.class, Liveness.Literal.INSTANCE)
                            .isUnsatisfied())
                    .isTrue();
        }
    }

    @Test
    void byDefaultThereIsOneCheckOfEachKind() throws Exception {
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, HealthRoomEndpoint.class)) {
            assertThat(HealthTest.report(server.cdi(), Readiness.Literal.INSTANCE)
                            .checks())
                    .singleElement()
                    .satisfies(check -> assertThat(check.name()).isEqualTo("switchboard"));
            assertThat(HealthTest.report(server.cdi(), Liveness.Literal.INSTANCE)
                            .checks())
                    .singleElement()
                    .satisfies(check -> assertThat(check.name()).isEqualTo("switchboard"));
        }
    }

    @Test
    void aBadHealthSettingFailsTheDeploymentNamingKeyAndValue() {
        System.setProperty("switchboard.health.liveness.sweep-stall", "10");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, HealthRoomEndpoint.class))
                .hasStackTraceContaining(
                        "switchboard.health.liveness.sweep-stall = '10' is not a duration of at least 1s");
    }
}
