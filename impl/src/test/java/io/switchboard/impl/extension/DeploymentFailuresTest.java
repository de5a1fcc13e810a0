package io.switchboard.impl.extension;

import io.switchboard.impl.extension.badheartbeat.BadHeartbeatEndpoint;
import io.switchboard.impl.extension.badid.ReservedIdEndpoint;
import io.switchboard.impl.extension.badqueue.BadQueueEndpoint;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad endpoints and bad configuration fail the deployment with a message that names what is wrong. */
class DeploymentFailuresTest {

    @AfterEach
    void clearConfig() {
        System.clearProperty("switchboard.QuietEndpoint.enabled");
        System.clearProperty("switchboard.default.enabled");
        System.clearProperty("switchboard.QuietEndpoint.idle.timeout");
        System.clearProperty("switchboard.QuietEndpoint.send-queue.overflow");
        System.clearProperty("switchboard.default.send-queue.capacity");
        System.clearProperty("switchboard.QuietEndpoint.send-queue.send-timeout");
    }

    @Test
    void badDeploymentWideSettingsFailTheDeployment() {
        System.setProperty("switchboard.fast-path", "sometimes");
        try {
            assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                    .hasMessageContaining("switchboard.fast-path = 'sometimes' is not a boolean");
        } finally {
            System.clearProperty("switchboard.fast-path");
        }
        System.setProperty("switchboard.shutdown.drain-timeout", "soon");
        try {
            assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                    .hasMessageContaining("switchboard.shutdown.drain-timeout = 'soon' is not a duration");
        } finally {
            System.clearProperty("switchboard.shutdown.drain-timeout");
        }
    }

    @Test
    void badRateAndConnectionLimitsFailTheDeployment() {
        System.setProperty("switchboard.QuietEndpoint.rate-limit.session.messages", "-1");
        try {
            assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                    .hasMessageContaining("switchboard.QuietEndpoint.rate-limit.session.messages = '-1' is not a number");
        } finally {
            System.clearProperty("switchboard.QuietEndpoint.rate-limit.session.messages");
        }
        System.setProperty("switchboard.default.rate-limit.address.policy", "ignore");
        System.setProperty("switchboard.default.rate-limit.address.messages", "5");
        try {
            assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                    .hasMessageContaining("switchboard.default.rate-limit.address.policy = 'ignore' is not drop or close");
        } finally {
            System.clearProperty("switchboard.default.rate-limit.address.policy");
            System.clearProperty("switchboard.default.rate-limit.address.messages");
        }
        System.setProperty("switchboard.QuietEndpoint.connections.per-address", "many");
        try {
            assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                    .hasMessageContaining("switchboard.QuietEndpoint.connections.per-address = 'many' is not a whole number");
        } finally {
            System.clearProperty("switchboard.QuietEndpoint.connections.per-address");
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
        expectFailure("mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
                "mp.jwt.verify.publickey is not a PEM public key or certificate, a JWK or a JWKS");
        expectFailure("mp.jwt.verify.publickey.location", "/no/such/key.pem",
                "mp.jwt.verify.publickey.location = '/no/such/key.pem' cannot be read");
        expectFailure("mp.jwt.verify.publickey.algorithm", "RS256,ES256",
                "mp.jwt.verify.publickey.algorithm = 'RS256,ES256' is not one of");
        expectFailure("mp.jwt.verify.publickey.algorithm", "HS256",
                "mp.jwt.verify.publickey.algorithm = 'HS256' is not one of");
        expectFailure("mp.jwt.verify.clock.skew", "a while", "mp.jwt.verify.clock.skew = 'a while' is not a whole number");
        expectFailure("switchboard.security.token.sources", "header,carrier-pigeon",
                "switchboard.security.token.sources = 'header,carrier-pigeon' is not a list of");
        expectFailure("switchboard.security.token.subprotocol", "bearer token",
                "switchboard.security.token.subprotocol = 'bearer token' is not an HTTP token");
        expectFailure("switchboard.security.keys.allow-insecure-location", "yes",
                "switchboard.security.keys.allow-insecure-location = 'yes' is not a boolean");
        expectFailure("switchboard.security.keys.refetch-interval", "0",
                "switchboard.security.keys.refetch-interval = '0' is not a positive duration");
        expectFailure("switchboard.QuietEndpoint.allowed-origins", "app.example.com",
                "'app.example.com' is not an origin such as https://app.example.com");
        expectFailure("switchboard.default.roles-allowed", " , ",
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
    void badSendQueueAnnotationFailsTheDeployment() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, BadQueueEndpoint.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint BadQueueEndpoint")
                .hasMessageContaining("@SendQueue(maxBytes) = 'lots' is not a size");
    }

    @Test
    void badSendQueueConfigurationFailsTheDeploymentNamingKeyAndValue() {
        System.setProperty("switchboard.QuietEndpoint.send-queue.overflow", "explode");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                .hasMessageContaining("switchboard.QuietEndpoint.send-queue.overflow = 'explode' is not one of "
                        + "drop-oldest, drop-newest, close");
        System.clearProperty("switchboard.QuietEndpoint.send-queue.overflow");
        System.setProperty("switchboard.default.send-queue.capacity", "0");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                .hasMessageContaining("switchboard.default.send-queue.capacity = '0' is not a number from 1 to");
        System.clearProperty("switchboard.default.send-queue.capacity");
        System.setProperty("switchboard.QuietEndpoint.send-queue.send-timeout", "0");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                .hasMessageContaining("endpoint QuietEndpoint: the send timeout must be positive");
    }

    @Test
    void badAnnotationValueFailsTheDeploymentNamingEndpointAnnotationAndValue() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, BadHeartbeatEndpoint.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint BadHeartbeatEndpoint")
                .hasMessageContaining("@Heartbeat(interval) = 'soon'");
    }

    @Test
    void negativeDurationFailsTheDeployment() {
        System.setProperty("switchboard.QuietEndpoint.idle.timeout", "PT-5S");
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, QuietEndpoint.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.QuietEndpoint.idle.timeout = 'PT-5S' is not a duration of zero or more");
    }

    @Test
    void invalidEndpointFailsTheDeploymentNamingClassAndMethods() {
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, TwoTextHandlersEndpoint.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining(TwoTextHandlersEndpoint.class.getName())
                .hasMessageContaining("first").hasMessageContaining("second");
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
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD,
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
        assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, ImpostorEndpoint.class,
                io.switchboard.impl.extension.twins.left.TwinEndpoint.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("endpoint id TwinEndpoint is taken by")
                .hasMessageContaining(ImpostorEndpoint.class.getName())
                .hasMessageContaining(io.switchboard.impl.extension.twins.left.TwinEndpoint.class.getName());
    }

    @Test
    void explicitIdGivesOneOfTwoSameNamedClassesItsOwnId() throws Exception {
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD,
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
