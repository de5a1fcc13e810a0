package io.switchboard.impl.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.impl.config.MapConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The health settings' keys, defaults and strictness. */
class HealthSettingsTest {

    @Test
    void withoutKeysTheDefaultsHold() {
        assertThat(HealthSettings.read(MapConfig.settings()))
                .isEqualTo(new HealthSettings(true, false, true, Duration.ofSeconds(10)))
                .isEqualTo(HealthSettings.DEFAULTS);
    }

    @Test
    void everyKeyIsRead() {
        assertThat(HealthSettings.read(MapConfig.settings(
                        "switchboard.health.enabled", "false",
                        "switchboard.health.readiness.connection-limit", "TRUE",
                        "switchboard.health.readiness.backplane", "false",
                        "switchboard.health.liveness.sweep-stall", "1s")))
                .isEqualTo(new HealthSettings(false, true, false, Duration.ofSeconds(1)));
        assertThat(HealthSettings.read(MapConfig.settings("switchboard.health.liveness.sweep-stall", "PT2M"))
                        .sweepStall())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBadValueNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> HealthSettings.read(MapConfig.settings("switchboard.health.enabled", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Switchboard: bad configuration: switchboard.health.enabled = 'yes' is not a boolean "
                        + "(true or false)");
        assertThatThrownBy(() ->
                        HealthSettings.read(MapConfig.settings("switchboard.health.readiness.connection-limit", "1")))
                .hasMessageContaining("switchboard.health.readiness.connection-limit = '1'");
        assertThat(HealthSettings.read(MapConfig.settings("switchboard.health.readiness.backplane", "")))
                .as("an empty value counts as missing")
                .isEqualTo(HealthSettings.DEFAULTS);
    }

    @Test
    void aStallThresholdUnderASecondWouldCryWolfAndIsRefused() {
        for (String bad : new String[] {"500ms", "0", "-1s", "soon"}) {
            assertThatThrownBy(() ->
                            HealthSettings.read(MapConfig.settings("switchboard.health.liveness.sweep-stall", bad)))
                    .as(bad)
                    .hasMessage("Switchboard: bad configuration: switchboard.health.liveness.sweep-stall = '" + bad
                            + "' is not a duration of at least 1s");
        }
    }
}
