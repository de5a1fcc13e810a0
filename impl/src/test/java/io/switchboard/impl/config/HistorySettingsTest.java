package io.switchboard.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.RoomHistory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An endpoint's history: none unless asked for, the key over the annotation over the default, bad values refused. */
class HistorySettingsTest {

    @RoomHistory(size = 20, ttl = "30s", maxBytes = "64KiB")
    static class Annotated {}

    @RoomHistory
    static class Defaults {}

    private static HistorySettings read(Class<?> type, String... keysAndValues) {
        return HistorySettings.read(
                MapConfig.settings(keysAndValues).endpoint("Chat"), type.getAnnotation(RoomHistory.class));
    }

    @Test
    void anEndpointWithoutTheAnnotationOrAKeyKeepsNoHistory() {
        assertThat(read(Object.class)).isEqualTo(HistorySettings.NONE);
        assertThat(read(Object.class).enabled()).isFalse();
    }

    @Test
    void theAnnotationsDefaultsAndValues() {
        assertThat(read(Defaults.class)).isEqualTo(HistorySettings.DEFAULT);
        assertThat(read(Annotated.class)).isEqualTo(new HistorySettings(20, 64 * 1024, Duration.ofSeconds(30)));
    }

    @Test
    void keysOverrideTheAnnotationAndTheDefaultKeyTurnsItOnEverywhere() {
        assertThat(read(Annotated.class, "switchboard.Chat.history.size", "5", "switchboard.Chat.history.ttl", "1m"))
                .isEqualTo(new HistorySettings(5, 64 * 1024, Duration.ofMinutes(1)));
        assertThat(read(Object.class, "switchboard.default.history.size", "50"))
                .isEqualTo(new HistorySettings(50, 1 << 20, Duration.ofMinutes(5)));
        assertThat(read(Annotated.class, "switchboard.Chat.history.size", "0")).isEqualTo(HistorySettings.NONE);
    }

    @Test
    void badValuesFailNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> read(Defaults.class, "switchboard.Chat.history.size", "-1"))
                .hasMessageContaining("switchboard.Chat.history.size = '-1'");
        assertThatThrownBy(() -> read(Defaults.class, "switchboard.Chat.history.size", "2000000"))
                .hasMessageContaining("switchboard.Chat.history.size = '2000000'");
        assertThatThrownBy(() -> read(Defaults.class, "switchboard.Chat.history.ttl", "forever"))
                .hasMessageContaining("switchboard.Chat.history.ttl = 'forever'");
        assertThatThrownBy(() -> read(Defaults.class, "switchboard.Chat.history.ttl", "0s"))
                .hasMessageContaining("ttl must be positive");
        assertThatThrownBy(() -> read(Defaults.class, "switchboard.Chat.history.max-bytes", "0"))
                .hasMessageContaining("max-bytes must be at least one byte");
        assertThatThrownBy(() -> read(Defaults.class, "switchboard.Chat.history.max-bytes", "lots"))
                .hasMessageContaining("switchboard.Chat.history.max-bytes = 'lots'");
    }
}
