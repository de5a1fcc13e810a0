package io.switchboard.impl.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.RoomPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A position's text form, as clients send it back: read exactly, garbage refused without repeating it. */
class RoomPositionTest {

    @Test
    void theTextFormReadsBack() {
        RoomPosition position = new RoomPosition("k3j9x2ab", 42);
        assertThat(position).hasToString("k3j9x2ab:42");
        assertThat(RoomPosition.parse("k3j9x2ab:42")).isEqualTo(position);
        assertThat(RoomPosition.parse("0:0")).isEqualTo(new RoomPosition("0", 0));
        assertThat(RoomPosition.parse("z:999999999999999999").offset()).isEqualTo(999_999_999_999_999_999L);
        assertThat(position.next()).isEqualTo(new RoomPosition("k3j9x2ab", 43));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ":",
                "abc",
                "abc:",
                ":1",
                "abc:-1",
                "abc:+1",
                "ABC:1",
                "ab c:1",
                "abc:1:2",
                "abc:1.5",
                "abc:0x10",
                "abc:9999999999999999999",
                "abcdefghijklmnopqrstuvwxyz0123456:1",
                "abc:１",
                "<script>:1"
            })
    void garbageIsNotAPosition(String text) {
        assertThatThrownBy(() -> RoomPosition.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a room position (<epoch>:<offset>)");
    }

    @Test
    void aHugeTextIsRefusedBeforeItIsMatched() {
        assertThatThrownBy(() -> RoomPosition.parse("a".repeat(1_000_000) + ":1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoomPosition.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsAreChecked() {
        assertThatThrownBy(() -> new RoomPosition("e", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomPosition("E", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomPosition("", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
