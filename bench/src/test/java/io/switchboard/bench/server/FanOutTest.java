package io.switchboard.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RoomPosition;
import org.junit.jupiter.api.Test;

/** The position written into a history broadcast: the message keeps its length, and the load generator reads both. */
class FanOutTest {

    @Test
    void thePositionTakesTheEndOfThePadding() {
        String text = "7,123456789,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

        String sent = FanOut.withPosition(text, new RoomPosition("k3j9x2ab", 42));

        assertThat(sent).hasSameSizeAs(text).startsWith("7,123456789,xxx").endsWith(",k3j9x2ab:42");
    }

    @Test
    void aShortMessageKeepsItsHeaderAndGrows() {
        assertThat(FanOut.withPosition("7,123456789,xx", new RoomPosition("k3j9x2ab", 42)))
                .isEqualTo("7,123456789,,k3j9x2ab:42");
    }

    @Test
    void withoutHistoryItEndsWithAComma() {
        String text = "7,123456789,xxxxxxxxxx";

        assertThat(FanOut.withPosition(text, null)).hasSameSizeAs(text).endsWith("xxxxxxxxx,");
    }
}
