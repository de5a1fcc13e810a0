package io.switchboard.impl.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ConnectionLimits;
import io.switchboard.RateLimit;
import io.switchboard.impl.config.MapConfig;
import io.switchboard.impl.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rate and connection limits read from {@code @RateLimit}, {@code @ConnectionLimits} and their keys. */
class LimitSettingsReadTest {

    @RateLimit(messages = 20, per = "1s", burst = 40)
    @RateLimit(scope = RateLimit.Scope.ADDRESS, bytes = "1KiB", policy = RateLimit.Policy.DROP)
    @ConnectionLimits(max = 100, perAddress = 5, handshakesPerAddress = 10, handshakePeriod = "1m")
    static class Limited {}

    @RateLimit(messages = 1)
    @RateLimit(messages = 2)
    static class Twice {}

    private static Map<RateLimit.Scope, RateLimitSettings> rates(Settings settings, Class<?> type) {
        return RateLimitSettings.read(settings.endpoint("Chat"), type.getAnnotationsByType(RateLimit.class));
    }

    private static ConnectionLimitSettings connections(Settings settings, Class<?> type) {
        return ConnectionLimitSettings.read(settings.endpoint("Chat"), type.getAnnotation(ConnectionLimits.class));
    }

    @Test
    void withoutAnnotationsOrKeysThereAreNoLimits() {
        assertThat(rates(MapConfig.settings(), Object.class)).isEmpty();
        assertThat(connections(MapConfig.settings(), Object.class)).isEqualTo(ConnectionLimitSettings.NONE);
    }

    @Test
    void annotationsSetLimitsAndKeysOverrideThemPerScope() {
        Map<RateLimit.Scope, RateLimitSettings> annotated = rates(MapConfig.settings(), Limited.class);
        assertThat(annotated.get(RateLimit.Scope.SESSION).messages())
                .isEqualTo(new Bucket.Rate(20, 1_000_000_000L, 40));
        assertThat(annotated.get(RateLimit.Scope.ADDRESS).bytes())
                .isEqualTo(new Bucket.Rate(1024, 1_000_000_000L, 1024));
        assertThat(annotated.get(RateLimit.Scope.ADDRESS).policy()).isEqualTo(RateLimit.Policy.DROP);
        assertThat(annotated).doesNotContainKey(RateLimit.Scope.PRINCIPAL);

        Settings keys = MapConfig.settings(
                "switchboard.Chat.rate-limit.session.messages",
                "3",
                "switchboard.default.rate-limit.principal.messages",
                "9",
                "switchboard.default.rate-limit.principal.per",
                "2s",
                "switchboard.default.rate-limit.principal.policy",
                "Drop");
        Map<RateLimit.Scope, RateLimitSettings> configured = rates(keys, Limited.class);
        assertThat(configured.get(RateLimit.Scope.SESSION).messages())
                .isEqualTo(new Bucket.Rate(3, 1_000_000_000L, 40));
        assertThat(configured.get(RateLimit.Scope.PRINCIPAL).messages())
                .isEqualTo(new Bucket.Rate(9, 2_000_000_000L, 9));
        assertThat(configured.get(RateLimit.Scope.PRINCIPAL).policy()).isEqualTo(RateLimit.Policy.DROP);

        assertThat(connections(MapConfig.settings(), Limited.class))
                .isEqualTo(new ConnectionLimitSettings(100, 0, 5, 10, 60_000_000_000L));
        // an annotation present gives every attribute, defaults included: perPrincipal's 0 wins over the default key
        assertThat(connections(
                        MapConfig.settings(
                                "switchboard.Chat.connections.max",
                                "0",
                                "switchboard.default.connections.per-principal",
                                "2"),
                        Limited.class))
                .isEqualTo(new ConnectionLimitSettings(0, 0, 5, 10, 60_000_000_000L));
        assertThat(connections(MapConfig.settings("switchboard.default.connections.per-principal", "2"), Object.class)
                        .perPrincipal())
                .isEqualTo(2);
    }

    @Test
    void badValuesNameEndpointKeyAndValue() {
        assertThatThrownBy(() ->
                        rates(MapConfig.settings("switchboard.Chat.rate-limit.session.messages", "-1"), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat:"
                        + " switchboard.Chat.rate-limit.session.messages = '-1' is not a number from 0 to 2147483647");
        assertThatThrownBy(() -> rates(
                        MapConfig.settings(
                                "switchboard.default.rate-limit.address.policy",
                                "ignore",
                                "switchboard.default.rate-limit.address.messages",
                                "5"),
                        Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat:"
                        + " switchboard.default.rate-limit.address.policy = 'ignore' is not drop or close");
        assertThatThrownBy(() ->
                        rates(MapConfig.settings("switchboard.Chat.rate-limit.session.bytes", "lots"), Object.class))
                .hasMessageContaining("switchboard.Chat.rate-limit.session.bytes = 'lots' is not a size");
        assertThatThrownBy(() -> rates(
                        MapConfig.settings(
                                "switchboard.Chat.rate-limit.session.messages",
                                "5",
                                "switchboard.Chat.rate-limit.session.per",
                                "0"),
                        Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: the rate limit period"
                        + " (rate-limit.session.per) must be positive");
        assertThatThrownBy(() -> rates(MapConfig.settings(), Twice.class))
                .hasMessage("Switchboard: bad @RateLimit on endpoint Chat: two limits with scope SESSION");
        assertThatThrownBy(() -> connections(
                        MapConfig.settings("switchboard.Chat.connections.per-address", "many"), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat:"
                        + " switchboard.Chat.connections.per-address = 'many' is not a whole number");
        assertThatThrownBy(() -> connections(
                        MapConfig.settings(
                                "switchboard.Chat.connections.handshakes-per-address",
                                "3",
                                "switchboard.default.connections.handshake-period",
                                "0"),
                        Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: the handshake period must be positive");
    }
}
