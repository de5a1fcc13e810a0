package io.switchboard.impl.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.impl.extension.badheartbeat.BadHeartbeatEndpoint;
import io.switchboard.impl.extension.badid.ReservedIdEndpoint;
import io.switchboard.impl.extension.badroom.MisnamedRoomEndpoint;
import io.switchboard.impl.extension.badsecurity.ContradictoryEndpoint;
import io.switchboard.impl.extension.broken.TwoTextHandlersEndpoint;
import io.switchboard.impl.extension.twins.impostor.ImpostorEndpoint;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.tracking.QuietEndpoint;
import jakarta.websocket.DeploymentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad endpoints and bad configuration fail the deployment with a message that names what is wrong. Each kind of
 * failure is proved here once through a real deployment; the parsing rules and every setting's messages are unit
 * tests over an in-memory configuration ({@code config.SettingsTest}, {@code config.SharedSettingsTest},
 * {@code endpoint.EndpointSettingsTest}, {@code limit.LimitSettingsReadTest}, {@code security.SecuritySettingsReadTest},
 * {@code EnabledSettingTest}).
 */
class DeploymentFailuresTest {

    @AfterEach
    void clearConfig() {
        System.clearProperty("switchboard.QuietEndpoint.enabled");
        System.clearProperty("switchboard.default.enabled");
        System.clearProperty("switchboard.QuietEndpoint.send-queue.overflow");
    }

    @Test
    void badDeploymentWideSettingFailsTheDeployment() {
        System.setProperty("switchboard.fast-path", "sometimes");
        try {
            assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                    .hasMessageContaining("switchboard.fast-path = 'sometimes' is not a boolean");
        } finally {
            System.clearProperty("switchboard.fast-path");
        }
    }

    @Test
    void contradictorySecurityAnnotationsFailTheDeployment() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, ContradictoryEndpoint.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint ContradictoryEndpoint")
                .hasMessageContaining("more than one of @DenyAll, @RolesAllowed and @PermitAll");
    }

    @Test
    void badSecuritySettingsFailTheDeploymentWithoutQuotingKeys() {
        expectFailure(
                "mp.jwt.verify.publickey",
                "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
                "mp.jwt.verify.publickey is not a PEM public key or certificate, a JWK or a JWKS");
        expectFailure(
                "mp.jwt.verify.publickey.location",
                "/no/such/key.pem",
                "mp.jwt.verify.publickey.location = '/no/such/key.pem' cannot be read");
        expectFailure(
                "mp.jwt.verify.clock.skew", "a while", "mp.jwt.verify.clock.skew = 'a while' is not a whole number");
        expectFailure(
                "switchboard.default.roles-allowed",
                " , ",
                "switchboard.default.roles-allowed = ' , ' is not a list of roles, * or **");
    }

    private static void expectFailure(String key, String value, String message) {
        System.setProperty(key, value);
        try {
            assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                    .hasMessageContaining(message);
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void roomParameterMissingFromThePathFailsTheDeployment() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, MisnamedRoomEndpoint.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad @Room on endpoint MisnamedRoomEndpoint")
                .hasMessageContaining("/misnamed/{channel} has no parameter {room}");
    }

    @Test
    void badSendQueueConfigurationFailsTheDeploymentNamingKeyAndValue() {
        System.setProperty("switchboard.QuietEndpoint.send-queue.overflow", "explode");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                .hasMessageContaining("switchboard.QuietEndpoint.send-queue.overflow = 'explode' is not one of "
                        + "drop-oldest, drop-newest, close");
    }

    @Test
    void badAnnotationValueFailsTheDeploymentNamingEndpointAnnotationAndValue() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, BadHeartbeatEndpoint.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint BadHeartbeatEndpoint")
                .hasMessageContaining("@Heartbeat(interval) = 'soon'");
    }

    @Test
    void invalidEndpointFailsTheDeploymentNamingClassAndMethods() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, TwoTextHandlersEndpoint.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining(TwoTextHandlersEndpoint.class.getName())
                .hasMessageContaining("first")
                .hasMessageContaining("second");
    }

    @Test
    void badEnabledValueFailsTheDeploymentNamingEndpointKeyAndValue() {
        System.setProperty("switchboard.QuietEndpoint.enabled", "maybe");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint QuietEndpoint")
                .hasMessageContaining("switchboard.QuietEndpoint.enabled")
                .hasMessageContaining("'maybe'");
    }

    @Test
    void endpointSwitchedOffByConfigIsServedUntracked() throws Exception {
        System.setProperty("switchboard.QuietEndpoint.enabled", "false");
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class);
                TestClient client = TestClient.connect(server.base().resolve("quiet/off"));
                TestClient probe = TestClient.connect(server.base().resolve("tracking-probe"))) {
            assertThat(client.ask("x")).isEqualTo("off:x");
            assertThat(probe.ask("count")).isEqualTo("0");
        }
    }

    @Test
    void defaultSettingAppliesToEveryEndpointAndEndpointSettingWins() throws Exception {
        System.setProperty("switchboard.default.enabled", "false");
        System.setProperty("switchboard.QuietEndpoint.enabled", "true");
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class);
                TestClient client = TestClient.connect(server.base().resolve("quiet/on"));
                TestClient untracked = TestClient.connect(server.base().resolve("untracked"));
                TestClient probe = TestClient.connect(server.base().resolve("tracking-probe"))) {
            assertThat(client.ask("x")).isEqualTo("on:x");
            assertThat(untracked.ask("y")).isEqualTo("untracked:y");
            assertThat(probe.ask("count")).isEqualTo("1");
        }
    }

    @Test
    void twoEndpointClassesWithOneSimpleNameFailTheDeploymentNamingBoth() {
        assertThatThrownBy(() -> FastServer.start(
                        FastServer.Mode.SWITCHBOARD,
                        io.switchboard.impl.extension.twins.left.TwinEndpoint.class,
                        io.switchboard.impl.extension.twins.right.TwinEndpoint.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("endpoint id TwinEndpoint is taken by "
                        + io.switchboard.impl.extension.twins.left.TwinEndpoint.class.getName() + " and "
                        + io.switchboard.impl.extension.twins.right.TwinEndpoint.class.getName())
                .hasMessageContaining("@EndpointId");
    }

    @Test
    void anExplicitIdThatIsAnotherClassesDefaultIdFailsTheDeployment() {
        assertThatThrownBy(() -> FastServer.start(
                        FastServer.Mode.SWITCHBOARD,
                        ImpostorEndpoint.class,
                        io.switchboard.impl.extension.twins.left.TwinEndpoint.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("endpoint id TwinEndpoint is taken by")
                .hasMessageContaining(ImpostorEndpoint.class.getName())
                .hasMessageContaining(io.switchboard.impl.extension.twins.left.TwinEndpoint.class.getName());
    }

    @Test
    void explicitIdGivesOneOfTwoSameNamedClassesItsOwnId() throws Exception {
        try (FastServer server = FastServer.start(
                        FastServer.Mode.SWITCHBOARD,
                        io.switchboard.impl.extension.twins.left.TwinEndpoint.class,
                        io.switchboard.impl.extension.twins.named.TwinEndpoint.class);
                TestClient left = TestClient.connect(server.base().resolve("twin-left"));
                TestClient named = TestClient.connect(server.base().resolve("twin-named"))) {
            assertThat(left.ask("x")).isEqualTo("left:x");
            assertThat(named.ask("y")).isEqualTo("named:y");
        }
    }

    @Test
    void reservedEndpointIdFailsTheDeploymentNamingClassAndValue() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, ReservedIdEndpoint.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad @EndpointId on " + ReservedIdEndpoint.class.getName())
                .hasMessageContaining("'default' is not an endpoint id");
    }
}
