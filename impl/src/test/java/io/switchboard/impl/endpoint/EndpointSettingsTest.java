package io.switchboard.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ConnectionLimits;
import io.switchboard.Heartbeat;
import io.switchboard.RateLimit;
import io.switchboard.impl.config.MapConfig;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.security.EndpointSecurity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One call reads and checks everything an endpoint is configured with, including the deployment-wide keys read only
 * later (at each open, at shutdown, when meters start), so that any bad value fails the deployment.
 */
class EndpointSettingsTest {

    @ServerEndpoint("/chat")
    @Heartbeat(interval = "20s")
    @RateLimit(messages = 5)
    @ConnectionLimits(max = 3)
    @RolesAllowed("chat")
    static class Chat {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    private static EndpointSettings read(String... keysAndValues) throws Exception {
        return EndpointSettings.read(MapConfig.settings(keysAndValues), EndpointModel.read(Chat.class));
    }

    @Test
    void readsEverySettingOfTheEndpoint() throws Exception {
        EndpointSettings settings =
                read("switchboard.Chat.send-queue.capacity", "7", "switchboard.default.max-message-size.text", "1KiB");
        assertThat(settings.security().access()).isEqualTo(EndpointSecurity.Access.ROLES);
        assertThat(settings.liveness().heartbeatInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.sendQueue().capacity()).isEqualTo(7);
        assertThat(settings.messageSizes().text()).isEqualTo(1024);
        assertThat(settings.limits().rates()).containsKey(RateLimit.Scope.SESSION);
        assertThat(settings.limits().connections().max()).isEqualTo(3);
    }

    @Test
    void aBadValueOfAnySettingFailsTheRead() {
        assertThatThrownBy(() -> read("switchboard.fast-path", "sometimes"))
                .hasMessage("Switchboard: bad configuration: switchboard.fast-path = 'sometimes' is not a boolean"
                        + " (true or false)");
        assertThatThrownBy(() -> read("switchboard.shutdown.drain-timeout", "soon"))
                .hasMessage("Switchboard: bad configuration: switchboard.shutdown.drain-timeout = 'soon' is not a"
                        + " duration of zero or more");
        assertThatThrownBy(() -> read("switchboard.shutdown.drain-timeout", "PT-1S"))
                .hasMessageContaining("'PT-1S' is not a duration of zero or more");
        assertThatThrownBy(() -> read("switchboard.default.metrics.enabled", "maybe"))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: switchboard.default.metrics.enabled ="
                        + " 'maybe' is not a boolean (true or false)");
        assertThatThrownBy(() -> read("switchboard.Chat.connections.per-address", "many"))
                .hasMessageContaining("switchboard.Chat.connections.per-address = 'many' is not a whole number");
        assertThatThrownBy(() -> read("switchboard.Chat.allowed-origins", "app.example.com"))
                .hasMessageContaining("'app.example.com' is not an origin such as https://app.example.com");
    }

    @Test
    void theDeploymentWideKeysKeepTheirDefaults() {
        Settings none = MapConfig.settings();
        assertThat(io.switchboard.impl.delivery.FastPaths.configured(none)).isTrue();
        assertThat(io.switchboard.impl.session.ShutdownSettings.read(none))
                .isEqualTo(new io.switchboard.impl.session.ShutdownSettings(
                        Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertThat(io.switchboard.impl.delivery.FastPaths.configured(
                        MapConfig.settings("switchboard.fast-path", "FALSE")))
                .isFalse();
        assertThat(io.switchboard.impl.session.ShutdownSettings.read(MapConfig.settings(
                        "switchboard.shutdown.drain-timeout", "0", "switchboard.shutdown.reconnect-window", "0")))
                .isEqualTo(new io.switchboard.impl.session.ShutdownSettings(Duration.ZERO, Duration.ZERO));
        assertThatThrownBy(() -> io.switchboard.impl.session.ShutdownSettings.read(
                        MapConfig.settings("switchboard.shutdown.reconnect-window", "2h")))
                .hasMessageContaining("switchboard.shutdown.reconnect-window = '2h' is not a duration from 0 to 1h");
        assertThatThrownBy(() -> io.switchboard.impl.session.ShutdownSettings.read(
                        MapConfig.settings("switchboard.shutdown.reconnect-window", "-1s")))
                .hasMessageContaining("switchboard.shutdown.reconnect-window");
        assertThat(io.switchboard.impl.metrics.SwitchboardMetrics.enabled(MapConfig.settings(
                                "switchboard.default.metrics.enabled",
                                "false",
                                "switchboard.Chat.metrics.enabled",
                                "true")
                        .endpoint("Chat")))
                .isTrue();
    }
}
