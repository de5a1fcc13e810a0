package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How an ending Switchboard did not cause is categorised from its close code: every code maps to one category, the
 * standard codes to theirs, anything else (the application's 4000-4999 included) to {@link CloseCategory#APPLICATION};
 * and a code Switchboard sends reads back as a category that sends that same code. Kept in impl: the api module has
 * no tests of its own.
 */
class CloseCategoryOfCloseCodeTest {

    @Test
    void standardCodesMapToTheirCategories() {
        assertThat(CloseCategory.ofCloseCode(1000)).isEqualTo(CloseCategory.NORMAL);
        assertThat(CloseCategory.ofCloseCode(1001)).isEqualTo(CloseCategory.GOING_AWAY);
        assertThat(CloseCategory.ofCloseCode(1002)).isEqualTo(CloseCategory.PROTOCOL_ERROR);
        assertThat(CloseCategory.ofCloseCode(1003)).isEqualTo(CloseCategory.BAD_DATA);
        assertThat(CloseCategory.ofCloseCode(1006)).isEqualTo(CloseCategory.CONNECTION_LOST);
        assertThat(CloseCategory.ofCloseCode(1007)).isEqualTo(CloseCategory.BAD_DATA);
        assertThat(CloseCategory.ofCloseCode(1008)).isEqualTo(CloseCategory.POLICY_VIOLATION);
        assertThat(CloseCategory.ofCloseCode(1009)).isEqualTo(CloseCategory.TOO_BIG);
        assertThat(CloseCategory.ofCloseCode(1011)).isEqualTo(CloseCategory.SERVER_ERROR);
        assertThat(CloseCategory.ofCloseCode(1012)).isEqualTo(CloseCategory.SHUTDOWN);
        assertThat(CloseCategory.ofCloseCode(1013)).isEqualTo(CloseCategory.SLOW_CONSUMER);
    }

    @Test
    void everyOtherCodeIsTheApplicationsOwn() {
        Set<Integer> standard = Set.of(1000, 1001, 1002, 1003, 1006, 1007, 1008, 1009, 1011, 1012, 1013);
        for (int code = -1; code <= 5000; code++) {
            if (!standard.contains(code)) {
                assertThat(CloseCategory.ofCloseCode(code)).as("code %d", code).isEqualTo(CloseCategory.APPLICATION);
            }
        }
        assertThat(CloseCategory.ofCloseCode(Integer.MIN_VALUE)).isEqualTo(CloseCategory.APPLICATION);
        assertThat(CloseCategory.ofCloseCode(Integer.MAX_VALUE)).isEqualTo(CloseCategory.APPLICATION);
    }

    @Test
    void aCodeSwitchboardSendsReadsBackWithTheSameCode() {
        Set<CloseCategory> observedOnly = EnumSet.of(CloseCategory.CONNECTION_LOST, CloseCategory.APPLICATION);
        for (CloseCategory category : CloseCategory.values()) {
            if (!observedOnly.contains(category)) {
                assertThat(CloseCategory.ofCloseCode(category.closeCode()).closeCode())
                        .as("%s", category)
                        .isEqualTo(category.closeCode());
            }
            assertThat(category.tag()).isEqualTo(category.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
