package io.switchboard.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.OverflowPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every parsing rule of the shared parsers, and the words each uses to say what a good value is. */
class ParsersTest {

    @Test
    void booleansAreTrueOrFalseInAnyCaseAndNothingElse() {
        assertThat(Parsers.BOOLEAN.parse("true")).isTrue();
        assertThat(Parsers.BOOLEAN.parse(" FALSE ")).isFalse();
        assertThat(Parsers.BOOLEAN.parse("True")).isTrue();
        for (String bad : List.of("yes", "1", "on", "maybe", "")) {
            assertThatThrownBy(() -> Parsers.BOOLEAN.parse(bad))
                    .isInstanceOf(Parser.Rejected.class)
                    .hasMessage("a boolean (true or false)");
        }
    }

    @Test
    void durationsAreShortFormsOrIsoAndNeverNegative() {
        assertThat(Parsers.DURATION.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Parsers.DURATION.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Parsers.DURATION.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Parsers.DURATION.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Parsers.DURATION.parse(" 20 S ")).isEqualTo(Duration.ofSeconds(20));
        assertThat(Parsers.DURATION.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Parsers.DURATION.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Parsers.DURATION.parse("pt1m")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> Parsers.DURATION.parse("soon"))
                .hasMessage("a duration such as 30s, 500ms, 2m or PT30S");
        assertThatThrownBy(() -> Parsers.DURATION.parse("30")).hasMessage("a duration such as 30s, 500ms, 2m or PT30S");
        assertThatThrownBy(() -> Parsers.DURATION.parse("-5s"))
                .hasMessage("a duration such as 30s, 500ms, 2m or PT30S");
        assertThatThrownBy(() -> Parsers.DURATION.parse("PT-5S")).hasMessage("a duration of zero or more");
    }

    @Test
    void sizesAreBytesOrPowersOf1024() {
        assertThat(Parsers.SIZE.parse("65536")).isEqualTo(65536L);
        assertThat(Parsers.SIZE.parse("64KiB")).isEqualTo(65536L);
        assertThat(Parsers.SIZE.parse("64KB")).isEqualTo(65536L);
        assertThat(Parsers.SIZE.parse(" 1 MiB ")).isEqualTo(1L << 20);
        assertThat(Parsers.SIZE.parse("2g")).isEqualTo(2L << 30);
        assertThat(Parsers.SIZE.parse("0")).isZero();
        for (String bad : List.of("lots", "-1", "1.5MiB", "1TiB", "9223372036854775807KiB")) {
            assertThatThrownBy(() -> Parsers.SIZE.parse(bad)).hasMessage("a size such as 65536, 64KiB or 1MiB");
        }
    }

    @Test
    void countsAreWholeNumbersInTheirRange() {
        assertThat(Parsers.count().parse(" 0 ")).isZero();
        assertThat(Parsers.count().parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Parsers.count().parse("many")).hasMessage("a whole number");
        assertThatThrownBy(() -> Parsers.count().parse("1.5")).hasMessage("a whole number");
        assertThatThrownBy(() -> Parsers.count().parse("-1")).hasMessage("a number from 0 to 2147483647");
        assertThatThrownBy(() -> Parsers.count().parse("2147483648")).hasMessage("a number from 0 to 2147483647");
        assertThatThrownBy(() -> Parsers.number(1, 10).parse("0")).hasMessage("a number from 1 to 10");
    }

    @Test
    void listsAreCommaSeparatedWithEmptyItemsLeftOut() {
        assertThat(Parsers.LIST.parse(" a, b ,,c ")).containsExactly("a", "b", "c");
        assertThat(Parsers.LIST.parse(" , ")).isEmpty();
    }

    @Test
    void enumsMatchTheirNamesInAnyCaseWithDashesForUnderscores() {
        Parser<OverflowPolicy> overflow = Parsers.oneOf(OverflowPolicy.class, "one of drop-oldest, drop-newest, close");
        assertThat(overflow.parse("drop-oldest")).isEqualTo(OverflowPolicy.DROP_OLDEST);
        assertThat(overflow.parse(" DROP_NEWEST ")).isEqualTo(OverflowPolicy.DROP_NEWEST);
        assertThat(overflow.parse("Close")).isEqualTo(OverflowPolicy.CLOSE);
        assertThatThrownBy(() -> overflow.parse("explode")).hasMessage("one of drop-oldest, drop-newest, close");
    }

    @Test
    void aParserMadeOfAFunctionGetsTheTextTrimmedAndChecksCanBeAdded() {
        Parser<Long> even = Parser.of(Long::parseLong, "a number").requiring(n -> n % 2 == 0, "an even number");
        assertThat(even.parse(" 4 ")).isEqualTo(4L);
        assertThatThrownBy(() -> even.parse("x")).hasMessage("a number");
        assertThatThrownBy(() -> even.parse("3")).hasMessage("an even number");
        assertThat(Parsers.TEXT.parse(" as is ")).isEqualTo(" as is ");
    }
}
