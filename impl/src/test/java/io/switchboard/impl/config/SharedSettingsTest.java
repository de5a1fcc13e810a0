package io.switchboard.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.Heartbeat;
import io.switchboard.IdleTimeout;
import io.switchboard.MaxMessageSize;
import io.switchboard.OverflowPolicy;
import io.switchboard.SendQueue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings several features share (liveness, send queues, message sizes), read from annotations and keys. */
class SharedSettingsTest {

    @Heartbeat(interval = "20s", timeout = "5s")
    @IdleTimeout(value = "2m", pongsCount = true)
    @SendQueue(capacity = 10, maxBytes = "64KiB", overflow = OverflowPolicy.DROP_OLDEST, sendTimeout = "3s")
    @MaxMessageSize(text = "1KiB", binary = "2MiB")
    static class Tuned {}

    @Heartbeat(interval = "soon")
    static class BadHeartbeat {}

    @SendQueue(maxBytes = "lots")
    static class BadQueue {}

    private static LivenessSettings liveness(Settings settings, Class<?> type) {
        return LivenessSettings.read(
                settings.endpoint("Chat"), type.getAnnotation(Heartbeat.class), type.getAnnotation(IdleTimeout.class));
    }

    private static SendQueueSettings queue(Settings settings, Class<?> type) {
        return SendQueueSettings.read(settings.endpoint("Chat"), type.getAnnotation(SendQueue.class));
    }

    @Test
    void withoutAnnotationsOrKeysTheDefaultsHold() {
        assertThat(liveness(MapConfig.settings(), Object.class)).isEqualTo(LivenessSettings.DEFAULT);
        assertThat(queue(MapConfig.settings(), Object.class)).isEqualTo(SendQueueSettings.DEFAULT);
        assertThat(MessageSizeLimits.read(MapConfig.settings().endpoint("Chat"), null))
                .isEqualTo(MessageSizeLimits.NONE);
    }

    @Test
    void annotationsTuneAndKeysOverrideThem() {
        assertThat(liveness(MapConfig.settings(), Tuned.class))
                .isEqualTo(new LivenessSettings(
                        Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofMinutes(2), true));
        assertThat(queue(MapConfig.settings(), Tuned.class))
                .isEqualTo(new SendQueueSettings(10, 65536, OverflowPolicy.DROP_OLDEST, Duration.ofSeconds(3)));
        assertThat(MessageSizeLimits.read(
                        MapConfig.settings().endpoint("Chat"), Tuned.class.getAnnotation(MaxMessageSize.class)))
                .isEqualTo(new MessageSizeLimits(1024, 2 << 20));

        Settings keys = MapConfig.settings(
                "switchboard.Chat.heartbeat.interval",
                "0",
                "switchboard.default.idle.pongs-count",
                "false",
                "switchboard.Chat.idle.pongs-count",
                "FALSE",
                "switchboard.default.send-queue.capacity",
                "99",
                "switchboard.Chat.send-queue.overflow",
                "drop-newest",
                "switchboard.default.max-message-size.binary",
                "10");
        assertThat(liveness(keys, Tuned.class))
                .isEqualTo(new LivenessSettings(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(2), false));
        // the annotation's capacity (10) wins over the default key; the endpoint's overflow key over the annotation
        assertThat(queue(keys, Tuned.class))
                .isEqualTo(new SendQueueSettings(10, 65536, OverflowPolicy.DROP_NEWEST, Duration.ofSeconds(3)));
        assertThat(queue(keys, Object.class).capacity()).isEqualTo(99);
        assertThat(MessageSizeLimits.read(keys.endpoint("Chat"), null)).isEqualTo(new MessageSizeLimits(0, 10));
    }

    @Test
    void aBadAnnotationValueNamesEndpointAnnotationAndValue() {
        assertThatThrownBy(() -> liveness(MapConfig.settings(), BadHeartbeat.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Switchboard: bad configuration for endpoint Chat: @Heartbeat(interval) = 'soon' is not a"
                        + " duration such as 30s, 500ms, 2m or PT30S");
        assertThatThrownBy(() -> queue(MapConfig.settings(), BadQueue.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: @SendQueue(maxBytes) = 'lots' is not a"
                        + " size such as 65536, 64KiB or 1MiB");
    }

    @Test
    void badLivenessValuesFail() {
        assertThatThrownBy(() -> liveness(MapConfig.settings("switchboard.Chat.idle.timeout", "PT-5S"), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: switchboard.Chat.idle.timeout = 'PT-5S'"
                        + " is not a duration of zero or more");
        assertThatThrownBy(
                        () -> liveness(MapConfig.settings("switchboard.default.heartbeat.timeout", "0"), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: the heartbeat timeout"
                        + " must be positive while the heartbeat interval is PT30S");
        assertThat(liveness(
                                MapConfig.settings(
                                        "switchboard.Chat.heartbeat.interval",
                                        "0",
                                        "switchboard.Chat.heartbeat.timeout",
                                        "0"),
                                Object.class)
                        .heartbeatInterval())
                .isZero();
        assertThatThrownBy(() -> liveness(MapConfig.settings("switchboard.Chat.idle.pongs-count", "yes"), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: switchboard.Chat.idle.pongs-count ="
                        + " 'yes' is not a boolean (true or false)");
    }

    @Test
    void badSendQueueValuesFailNamingKeyAndValue() {
        assertThatThrownBy(() ->
                        queue(MapConfig.settings("switchboard.Chat.send-queue.overflow", "explode"), Object.class))
                .hasMessage(
                        "Switchboard: bad configuration for endpoint Chat:"
                                + " switchboard.Chat.send-queue.overflow = 'explode' is not one of drop-oldest, drop-newest, close");
        assertThatThrownBy(
                        () -> queue(MapConfig.settings("switchboard.default.send-queue.capacity", "0"), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat:"
                        + " switchboard.default.send-queue.capacity = '0' is not a number from 1 to 2147483647");
        assertThatThrownBy(
                        () -> queue(MapConfig.settings("switchboard.Chat.send-queue.send-timeout", "0"), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: the send timeout must be" + " positive");
        assertThatThrownBy(() -> queue(MapConfig.settings("switchboard.Chat.send-queue.max-bytes", "0"), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: the send queue's"
                        + " max-bytes must be at least one byte");
        assertThatThrownBy(() -> MessageSizeLimits.read(
                        MapConfig.settings("switchboard.Chat.max-message-size.text", "big")
                                .endpoint("Chat"),
                        null))
                .hasMessage("Switchboard: bad configuration for endpoint Chat:"
                        + " switchboard.Chat.max-message-size.text = 'big' is not a size such as 65536, 64KiB or 1MiB");
    }
}
