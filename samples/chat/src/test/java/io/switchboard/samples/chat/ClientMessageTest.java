package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ClientMessage#parse}: the two messages a client may send, and a reason for everything else. */
class ClientMessageTest {

    @Test
    void readsSayWithItsTextVerbatim() {
        assertThat(ClientMessage.parse("{\"type\":\"say\",\"text\":\"<b>hi</b> \\u00e9\"}"))
                .isEqualTo(new ClientMessage.Say("<b>hi</b> é"));
    }

    @Test
    void readsWhoAndIgnoresExtraFields() {
        assertThat(ClientMessage.parse("{\"type\":\"who\",\"extra\":1}")).isEqualTo(new ClientMessage.Who());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[1,2]",
                "\"say\"",
                "{\"type\":\"say\"",
                "{}",
                "{\"type\":7}",
                "{\"type\":\"dance\"}",
                "{\"type\":\"say\"}",
                "{\"type\":\"say\",\"text\":42}",
                "{\"type\":\"say\",\"text\":\"  \"}"
            })
    void refusesAnythingElseWithAReason(String frame) {
        assertThatThrownBy(() -> ClientMessage.parse(frame))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".+");
    }
}
