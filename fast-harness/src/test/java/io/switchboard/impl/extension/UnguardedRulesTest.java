package io.switchboard.impl.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.appconfig.EveryEndpointConfig;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.unguarded.appconfig.GuardedAppEndpoint;
import io.switchboard.tck.unguarded.disabled.DisabledDeniedEndpoint;
import io.switchboard.tck.unguarded.permitted.PermittedUntrackedEndpoint;
import io.switchboard.tck.unguarded.plain.PlainUntrackedEndpoint;
import io.switchboard.tck.unguarded.untracked.UntrackedAdminEndpoint;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rule on an endpoint Switchboard does not bridge fails the deployment, naming the endpoint and why; an endpoint
 * that declares itself open deploys.
 */
class UnguardedRulesTest {

    private static final List<String> KEYS = List.of(
            "switchboard.DisabledDeniedEndpoint.enabled",
            "switchboard.default.roles-allowed",
            "switchboard.default.allowed-origins",
            "switchboard.PlainUntrackedEndpoint.roles-allowed",
            "switchboard.PlainUntrackedEndpoint.allowed-origins",
            "switchboard.PermittedUntrackedEndpoint.allowed-origins");

    @AfterEach
    void clearConfig() {
        KEYS.forEach(System::clearProperty);
    }

    @Test
    void anUntrackedEndpointWithRolesAllowedFailsTheDeployment() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, UntrackedAdminEndpoint.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint UntrackedAdminEndpoint (" + UntrackedAdminEndpoint.class.getName()
                        + ") admits only the roles [admin], but it is @Untracked")
                .hasMessageContaining("anyone could open it");
    }

    @Test
    void aDisabledEndpointWithDenyAllFailsTheDeployment() {
        System.setProperty("switchboard.DisabledDeniedEndpoint.enabled", "false");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, DisabledDeniedEndpoint.class))
                .hasMessageContaining("endpoint DisabledDeniedEndpoint")
                .hasMessageContaining("admits no one (@DenyAll), but switchboard.DisabledDeniedEndpoint.enabled=false");
    }

    @Test
    void anUntrackedEndpointUnderTheDefaultRolesFailsTheDeploymentUnlessItSaysItIsOpen() throws Exception {
        System.setProperty("switchboard.default.roles-allowed", "chat");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, PlainUntrackedEndpoint.class))
                .hasMessageContaining("endpoint PlainUntrackedEndpoint")
                .hasMessageContaining("admits only the roles [chat], but it is @Untracked");

        System.setProperty("switchboard.PlainUntrackedEndpoint.roles-allowed", "*");
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, PlainUntrackedEndpoint.class);
                TestClient client = TestClient.connect(server.base().resolve("unguarded/plain"))) {
            assertThat(client.ask("x")).isEqualTo("PlainUntrackedEndpoint:x");
        }
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, PermittedUntrackedEndpoint.class);
                TestClient client = TestClient.connect(server.base().resolve("unguarded/permitted"))) {
            assertThat(client.ask("x")).isEqualTo("PermittedUntrackedEndpoint:x");
        }
    }

    @Test
    void anUntrackedEndpointUnderTheDefaultOriginsFailsTheDeploymentUnlessItAllowsEveryOrigin() throws Exception {
        System.setProperty("switchboard.default.allowed-origins", "https://app.example.com");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, PermittedUntrackedEndpoint.class))
                .hasMessageContaining("endpoint PermittedUntrackedEndpoint")
                .hasMessageContaining("admits anyone from the origins [https://app.example.com], but it is @Untracked");

        System.setProperty("switchboard.PermittedUntrackedEndpoint.allowed-origins", "*");
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, PermittedUntrackedEndpoint.class)) {
            assertThat(server.base()).isNotNull();
        }
    }

    @Test
    void aGuardedEndpointDeployedByTheApplicationsOwnConfigFailsTheDeployment() {
        assertThatThrownBy(() -> FastServer.start(
                        FastServer.Mode.SWITCHBOARD, GuardedAppEndpoint.class, EveryEndpointConfig.class))
                .hasMessageContaining("endpoint GuardedAppEndpoint")
                .hasMessageContaining("the application's own ServerApplicationConfig ("
                        + EveryEndpointConfig.class.getName() + ") deploys it");
    }
}
