package io.switchboard.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a setting is found (the endpoint's key, then its annotation, then the default key, then the built-in default)
 * and how a bad value is reported: naming the endpoint, where the value came from, and the value as written.
 */
class SettingsTest {

    private static final Annotated ANNOTATION = new Annotated("@Heartbeat(interval)", "20s");

    private static Duration interval(Settings settings, Annotated annotated) {
        return settings.endpoint("Chat")
                .key("heartbeat.interval")
                .as(Parsers.DURATION)
                .or(annotated)
                .orDefault(Duration.ofSeconds(30));
    }

    @Test
    void theEndpointsKeyWinsOverEverything() {
        Settings settings = MapConfig.settings(
                "switchboard.Chat.heartbeat.interval", "5s", "switchboard.default.heartbeat.interval", "7s");
        assertThat(interval(settings, ANNOTATION)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theAnnotationWinsOverTheDefaultKey() {
        Settings settings = MapConfig.settings("switchboard.default.heartbeat.interval", "7s");
        assertThat(interval(settings, ANNOTATION)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theDefaultKeyWinsOverTheBuiltInDefault() {
        Settings settings = MapConfig.settings(
                "switchboard.default.heartbeat.interval", "7s", "switchboard.Other.heartbeat.interval", "1s");
        assertThat(interval(settings, null)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void withNothingConfiguredTheBuiltInDefaultHolds() {
        assertThat(interval(MapConfig.settings(), null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MapConfig.settings()
                        .endpoint("Chat")
                        .key("heartbeat.interval")
                        .as(Parsers.DURATION)
                        .optional())
                .isEmpty();
    }

    @Test
    void anEmptyValueCountsAsNotSet() {
        Settings settings = MapConfig.settings(
                "switchboard.Chat.heartbeat.interval", "", "switchboard.default.heartbeat.interval", "7s");
        assertThat(interval(settings, null)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aBadEndpointValueNamesTheEndpointTheKeyAndTheValueAsWritten() {
        Settings settings = MapConfig.settings("switchboard.Chat.heartbeat.interval", " soon ");
        assertThatThrownBy(() -> interval(settings, ANNOTATION))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Switchboard: bad configuration for endpoint Chat: switchboard.Chat.heartbeat.interval"
                        + " = ' soon ' is not a duration such as 30s, 500ms, 2m or PT30S");
    }

    @Test
    void aBadDefaultValueNamesTheDefaultKey() {
        Settings settings = MapConfig.settings("switchboard.default.heartbeat.interval", "PT-5S");
        assertThatThrownBy(() -> interval(settings, null))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: switchboard.default.heartbeat.interval"
                        + " = 'PT-5S' is not a duration of zero or more");
    }

    @Test
    void aBadAnnotationValueNamesTheAnnotation() {
        assertThatThrownBy(() -> interval(MapConfig.settings(), new Annotated("@Heartbeat(interval)", "soon")))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: @Heartbeat(interval) = 'soon' is not a"
                        + " duration such as 30s, 500ms, 2m or PT30S");
    }

    @Test
    void aValueThatIsNotUsedIsNotParsed() {
        Settings settings = MapConfig.settings(
                "switchboard.Chat.heartbeat.interval", "5s", "switchboard.default.heartbeat.interval", "soon");
        assertThat(interval(settings, new Annotated("@Heartbeat(interval)", "never")))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aDeploymentWideKeyIsReadAloneAndItsErrorNamesNoEndpoint() {
        Settings settings = MapConfig.settings("switchboard.fast-path", "sometimes");
        assertThatThrownBy(() -> settings.key("switchboard.fast-path")
                        .as(Parsers.BOOLEAN)
                        .orDefault(true))
                .hasMessage("Switchboard: bad configuration: switchboard.fast-path = 'sometimes' is not a boolean"
                        + " (true or false)");
        assertThat(MapConfig.settings("switchboard.fast-path", "false")
                        .key("switchboard.fast-path")
                        .as(Parsers.BOOLEAN)
                        .orDefault(true))
                .isFalse();
        assertThat(MapConfig.settings("mp.jwt.verify.publickey", " text ")
                        .key("mp.jwt.verify.publickey")
                        .optional())
                .contains(" text ");
        assertThatThrownBy(() -> settings.key("switchboard.fast-path").or(ANNOTATION))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void typedAnnotationsStandBetweenTheKeysAndAreAskedOnlyWhenTheEndpointKeyIsNotSet() {
        AtomicInteger asked = new AtomicInteger();
        Settings own = MapConfig.settings(
                "switchboard.Chat.roles-allowed", "admin", "switchboard.default.roles-allowed", "user");
        assertThat(own.endpoint("Chat")
                        .key("roles-allowed")
                        .orFromAnnotations(() -> {
                            asked.incrementAndGet();
                            return Optional.of("annotated");
                        })
                        .optional())
                .contains("admin");
        assertThat(asked).hasValue(0);
        Settings fallback = MapConfig.settings("switchboard.default.roles-allowed", "user");
        assertThat(fallback.endpoint("Chat")
                        .key("roles-allowed")
                        .orFromAnnotations(() -> Optional.of("annotated"))
                        .optional())
                .contains("annotated");
        assertThat(fallback.endpoint("Chat")
                        .key("roles-allowed")
                        .orFromAnnotations(Optional::empty)
                        .optional())
                .contains("user");
    }

    @Test
    void foundTellsWhichKeyGaveTheTextUnparsed() {
        Settings settings = MapConfig.settings("switchboard.default.allowed-origins", "app.example.com");
        assertThat(settings.endpoint("Chat").key("allowed-origins").found())
                .contains(new Setting.Found("switchboard.default.allowed-origins", "app.example.com"));
        assertThat(MapConfig.settings(
                                "switchboard.Chat.allowed-origins", "*", "switchboard.default.allowed-origins", "x")
                        .endpoint("Chat")
                        .key("allowed-origins")
                        .found())
                .contains(new Setting.Found("switchboard.Chat.allowed-origins", "*"));
        assertThat(MapConfig.settings().endpoint("Chat").key("allowed-origins").found())
                .isEmpty();
    }

    @Test
    void aCheckAcrossSettingsNamesTheEndpoint() {
        assertThat(MapConfig.settings().endpoint("Chat").bad("the send timeout must be positive"))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: the send timeout must be positive");
    }
}
