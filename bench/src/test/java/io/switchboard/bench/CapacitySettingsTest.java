package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each {@code capacity...} key changes its own setting and no other; an unknown one is refused by name. */
class CapacitySettingsTest {

    private final CapacitySettings full = CapacitySettings.full();

    @Test
    void eachKeyChangesItsOwnSetting() {
        assertThat(full.with("capacityServers", "tyrus,wildfly").servers()).containsExactly("tyrus", "wildfly");
        assertThat(full.with("capacitySessions", "3000").sessions()).isEqualTo(3000);
        assertThat(full.with("capacityServerJvm", "-Xmx1g,-XX:+UseSerialGC").serverJvm())
                .containsExactly("-Xmx1g", "-XX:+UseSerialGC");
        assertThat(full.with("capacityInFlight", "64").inFlight()).isEqualTo(64);
        assertThat(full.with("capacityIdleMillis", "1500").idleWindow()).isEqualTo(Duration.ofMillis(1500));
        assertThat(full.with("capacityHeartbeatSeconds", "7").heartbeatSeconds())
                .isEqualTo(7);
        assertThat(full.with("capacityBroadcasts", "9").broadcasts()).isEqualTo(9);
        assertThat(full.with("capacityChurnMillis", "2500").churnWindow()).isEqualTo(Duration.ofMillis(2500));
        assertThat(full.with("capacityChurnPercent", "2.5").churnPercent()).isEqualTo(2.5);
        assertThat(full.with("capacityPerAddress", "1000").perAddress()).isEqualTo(1000);
        assertThat(full.with("capacityTokens", "10").tokens()).isEqualTo(10);
    }

    @Test
    void theOtherSettingsStayAsTheyWere() {
        CapacitySettings changed = full.with("capacityTokens", "10");
        assertThat(changed)
                .isEqualTo(new CapacitySettings(
                        full.servers(),
                        full.sessions(),
                        full.serverJvm(),
                        full.inFlight(),
                        full.idleWindow(),
                        full.heartbeatSeconds(),
                        full.broadcasts(),
                        full.churnWindow(),
                        full.churnPercent(),
                        full.perAddress(),
                        10));
        assertThat(full.servers()).isEqualTo(List.of("payara", "wildfly", "tyrus"));
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        assertThatThrownBy(() -> full.with("capacityBogus", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacityBogus");
    }
}
