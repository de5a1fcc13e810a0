package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    @Test
    void defaultsNeedNoConfiguration() {
        RedisSettings settings = RedisSettings.read(config(Map.of()));

        assertThat(settings.url()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(settings.prefix()).isEqualTo("switchboard");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.nodeTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void everyKeyIsRead() {
        RedisSettings settings = RedisSettings.read(config(Map.of(
                "switchboard.backplane.redis.url", "rediss://app:secret@127.0.0.1:6380/0",
                "switchboard.backplane.redis.prefix", "chat",
                "switchboard.backplane.redis.timeout", "500ms",
                "switchboard.backplane.redis.node-timeout", "PT3S",
                "switchboard.backplane.redis.reconnect.min-delay", "50ms",
                "switchboard.backplane.redis.reconnect.max-delay", "2s",
                "switchboard.backplane.redis.max-pending", "100",
                "switchboard.backplane.redis.tls.ca-file", "/etc/ca.pem")));

        assertThat(settings.prefix()).isEqualTo("chat");
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.nodeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.reconnectMin()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.reconnectMax()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.pending()).isEqualTo(100);
        assertThat(settings.trustedCertificate()).contains("/etc/ca.pem");
        assertThat(settings.safeUrl())
                .isEqualTo("rediss://***@127.0.0.1:6380/0")
                .doesNotContain("secret");
    }

    @Test
    void badValuesNameTheKeyAndValueButNeverThePassword() {
        assertThatThrownBy(() -> RedisSettings.read(
                        config(Map.of("switchboard.backplane.redis.url", "http://user:hunter2@example.com"))))
                .hasMessageContaining("switchboard.backplane.redis.url")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RedisSettings.read(config(Map.of("switchboard.backplane.redis.timeout", "soon"))))
                .hasMessageContaining("switchboard.backplane.redis.timeout")
                .hasMessageContaining("'soon'");
        assertThatThrownBy(() -> RedisSettings.read(config(Map.of("switchboard.backplane.redis.node-timeout", "10ms"))))
                .hasMessageContaining("node-timeout");
        assertThatThrownBy(() -> RedisSettings.read(config(Map.of(
                        "switchboard.backplane.redis.reconnect.min-delay", "5s",
                        "switchboard.backplane.redis.reconnect.max-delay", "1s"))))
                .hasMessageContaining("reconnect.min-delay");
        assertThatThrownBy(() -> RedisSettings.read(config(Map.of("switchboard.backplane.redis.max-pending", "0"))))
                .hasMessageContaining("max-pending");
    }
}
