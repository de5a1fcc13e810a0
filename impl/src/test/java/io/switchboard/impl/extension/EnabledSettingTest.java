package io.switchboard.impl.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.impl.config.MapConfig;
import org.junit.jupiter.api.Test;

/** {@code switchboard.<id>.enabled}: the endpoint's key, else the default key, else on. */
class EnabledSettingTest {

    @Test
    void anEndpointIsManagedUnlessSwitchedOff() {
        assertThat(DeploymentPlan.enabled(MapConfig.settings().endpoint("Chat")))
                .isTrue();
        assertThat(DeploymentPlan.enabled(
                        MapConfig.settings("switchboard.Chat.enabled", "false").endpoint("Chat")))
                .isFalse();
        assertThat(DeploymentPlan.enabled(MapConfig.settings("switchboard.default.enabled", "false")
                        .endpoint("Chat")))
                .isFalse();
        assertThat(DeploymentPlan.enabled(
                        MapConfig.settings("switchboard.default.enabled", "false", "switchboard.Chat.enabled", "true")
                                .endpoint("Chat")))
                .isTrue();
    }

    @Test
    void aBadValueNamesEndpointKeyAndValue() {
        assertThatThrownBy(() -> DeploymentPlan.enabled(
                        MapConfig.settings("switchboard.Chat.enabled", "maybe").endpoint("Chat")))
                .hasMessage("Switchboard: bad configuration for endpoint Chat:"
                        + " switchboard.Chat.enabled = 'maybe' is not a boolean (true or false)");
    }
}
