package io.switchboard.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Durations and sizes as people write them in configuration, and the errors for what is not one: always an
 * {@link IllegalArgumentException}, which the configuration reader turns into an error naming the key.
 */
class DurationsAndSizesParseAsWrittenTest {

    @Test
    void durationsInShortAndIsoForms() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse(" 500 ms ")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("pt0.25s")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void whatIsNotADurationIsAnIllegalArgument() {
        for (String text : new String[] {
            "",
            "s",
            "30",
            "30 sec",
            "1d",
            "-5s",
            "1.5s",
            "PT",
            "9999999999999999999s",
            "9223372036854775807h",
            "9223372036854775807m"
        }) {
            assertThatThrownBy(() -> Durations.parse(text))
                    .as("'%s'", text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(text);
        }
    }

    @Test
    void sizesInBytesAndBinaryUnits() {
        assertThat(ByteSizes.parse("65536")).isEqualTo(65536);
        assertThat(ByteSizes.parse("64KiB")).isEqualTo(64 * 1024);
        assertThat(ByteSizes.parse("64 kb")).as("KB means 1024 too").isEqualTo(64 * 1024);
        assertThat(ByteSizes.parse("1MiB")).isEqualTo(1 << 20);
        assertThat(ByteSizes.parse("2g")).isEqualTo(2L << 30);
        assertThat(ByteSizes.parse("10b")).isEqualTo(10);
        assertThat(ByteSizes.parse("0")).isZero();
        assertThat(ByteSizes.parse("8589934591GiB")).isEqualTo(8589934591L << 30);
    }

    @Test
    void whatIsNotASizeIsAnIllegalArgument() {
        for (String text :
                new String[] {"", "KiB", "-1", "1.5MiB", "1TB", "64 KiB s", "8589934592GiB", "99999999999999999999"}) {
            assertThatThrownBy(() -> ByteSizes.parse(text))
                    .as("'%s'", text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(text);
        }
    }
}
