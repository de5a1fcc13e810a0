package io.switchboard.impl.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.impl.config.MapConfig;
import org.junit.jupiter.api.Test;

/** The tracing switch: off by default, the endpoint's key over the default's, a bad value named with its key. */
class TracingSettingsTest {

    @Test
    void offByDefault() {
        assertThat(SwitchboardTracing.enabled(MapConfig.settings().endpoint("Chat")))
                .isFalse();
    }

    @Test
    void theEndpointsKeyWinsOverTheDefault() {
        assertThat(SwitchboardTracing.enabled(MapConfig.settings("switchboard.default.tracing.enabled", "true")
                        .endpoint("Chat")))
                .isTrue();
        assertThat(SwitchboardTracing.enabled(MapConfig.settings(
                                "switchboard.default.tracing.enabled", "true",
                                "switchboard.Chat.tracing.enabled", "false")
                        .endpoint("Chat")))
                .isFalse();
    }

    @Test
    void aBadValueNamesTheEndpointTheKeyAndTheValue() {
        assertThatThrownBy(() ->
                        SwitchboardTracing.enabled(MapConfig.settings("switchboard.Chat.tracing.enabled", "yes please")
                                .endpoint("Chat")))
                .hasMessageContaining("Chat")
                .hasMessageContaining("switchboard.Chat.tracing.enabled")
                .hasMessageContaining("'yes please' is not a boolean");
    }

    @Test
    void offTracingDoesNothing() {
        assertThat(EndpointTracing.OFF.on()).isFalse();
        assertThat(EndpointTracing.OFF.accepted(java.util.Map.of())).isNull();
        assertThat(EndpointTracing.OFF.callback("on_open", "1", null, null)).isSameAs(TraceSpan.NONE);
    }
}
