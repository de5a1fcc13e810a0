package io.switchboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void padsColumnsAndEscapesPipes() {
        String table = new MarkdownTable("mode", "rate")
                .row("(a) a|b", "52.3k ±3%")
                .row("(b)", "1")
                .toString();

        assertThat(table).isEqualTo("""
                | mode     | rate      |
                | -------- | --------- |
                | (a) a\\|b | 52.3k ±3% |
                | (b)      | 1         |
                """);
    }

    @Test
    void spreadIsTheMedianAndHalfTheRange() {
        Spread spread = Spread.of(List.of(50_000.0, 54_000.0, 52_000.0));

        assertThat(spread.median()).isEqualTo(52_000.0);
        assertThat(spread.format()).isEqualTo("52.0k ±4%");
        assertThat(Spread.of(List.of(26_000.0)).ratioTo(spread)).isEqualTo("0.50×");
    }

    @Test
    void missingValuesAreLeftOut() {
        assertThat(Spread.of(List.of(Double.NaN, 2.0, 4.0)).median()).isEqualTo(3.0);
        assertThat(Spread.of(List.of(Double.NaN)).format()).isEqualTo("–");
    }
}
