package io.switchboard.client.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8LengthTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "hello, world",
                "\u0000\u007f", // the ends of 1 byte
                "\u0080\u07ff", // the ends of 2 bytes
                "héllo", // 2-byte é
                "Ωμέγα",
                "\u0800\uffff", // the ends of 3 bytes
                "€ 100", // 3-byte €
                "日本語のテキスト",
                "\ud83d\ude00", // U+1F600, a surrogate pair: 4 bytes
                "a😀b€cé",
                "\ud800\udc00\udbff\udfff" // U+10000 and U+10FFFF
            })
    void matchesTheEncoder(String s) {
        assertThat(Utf8Length.of(s)).isEqualTo(s.getBytes(UTF_8).length);
    }

    @Test
    void eachWidth() {
        assertThat(Utf8Length.of("a")).isEqualTo(1);
        assertThat(Utf8Length.of("é")).isEqualTo(2);
        assertThat(Utf8Length.of("€")).isEqualTo(3);
        assertThat(Utf8Length.of("😀")).isEqualTo(4);
    }

    @Test
    void worksOnAnyCharSequence() {
        assertThat(Utf8Length.of(new StringBuilder("a€😀"))).isEqualTo(8);
    }

    /**
     * A lone surrogate is not a character; Java's encoder replaces it with {@code '?'} (1 byte), so
     * {@code getBytes(UTF_8)} says 1. Utf8Length counts 3 (what an encoder that writes it through, or replaces it
     * with U+FFFD, produces): an over-estimate, which keeps the buffer's byte bound safe.
     */
    @Test
    void loneSurrogatesCountThreeWhereJavaWritesOne() {
        assertThat("\ud800".getBytes(UTF_8)).hasSize(1);
        assertThat(Utf8Length.of("\ud800")).isEqualTo(3); // a high surrogate at the end
        assertThat(Utf8Length.of("\udc00")).isEqualTo(3); // a low surrogate alone
        assertThat(Utf8Length.of("\ud800a")).isEqualTo(4); // a high surrogate not followed by a low one
        assertThat(Utf8Length.of("\udc00\ud800")).isEqualTo(6); // reversed: two lone surrogates
        assertThat(Utf8Length.of("\ud800\ud800\udc00")).isEqualTo(3 + 4); // a lone high, then a pair
        assertThat(Utf8Length.of("\ufffd")).isEqualTo("\ufffd".getBytes(UTF_8).length);
        for (String s : new String[] {"\ud800", "\udc00", "x\ud800y", "\udc00\ud800"}) {
            assertThat(Utf8Length.of(s)).isGreaterThanOrEqualTo(s.getBytes(UTF_8).length);
        }
    }
}
