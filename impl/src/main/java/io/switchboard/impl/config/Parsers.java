package io.switchboard.impl.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The parsing rules settings share: booleans, durations, sizes, counts, lists and enums, each strict. */
public final class Parsers {

    /** {@code true} or {@code false}, in any case; nothing else. */
    public static final Parser<Boolean> BOOLEAN = raw -> {
        String text = raw.trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new Parser.Rejected("a boolean (true or false)");
    };

    /** A duration of zero or more: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 0}, {@code PT30S}. */
    public static final Parser<Duration> DURATION = Parser.of(
                    Durations::parse, "a duration such as 30s, 500ms, 2m or PT30S")
            .requiring(d -> !d.isNegative(), "a duration of zero or more");

    /** A size in bytes: {@code 65536}, {@code 64KiB}, {@code 1MiB}. */
    public static final Parser<Long> SIZE = Parser.of(ByteSizes::parse, "a size such as 65536, 64KiB or 1MiB");

    /** The text as configured, spaces and all. */
    public static final Parser<String> TEXT = text -> text;

    /** A comma-separated list: items trimmed, empty items left out; may be empty. */
    public static final Parser<List<String>> LIST = text -> Arrays.stream(text.split(","))
            .map(String::trim)
            .filter(item -> !item.isEmpty())
            .collect(Collectors.toUnmodifiableList());

    private Parsers() {}

    /**
     * A whole number in a range.
     *
     * @param min the least
     * @param max the most
     * @return the parser: {@code a whole number} for text that is none, {@code a number from min to max} out of range
     */
    public static Parser<Long> number(long min, long max) {
        return Parser.of(Long::parseLong, "a whole number")
                .requiring(n -> n >= min && n <= max, "a number from " + min + " to " + max);
    }

    /** A count of zero or more, up to {@code Integer.MAX_VALUE}. */
    public static Parser<Long> count() {
        return number(0, Integer.MAX_VALUE);
    }

    /**
     * One of an enum's constants, in any case, {@code -} standing for {@code _} ({@code drop-oldest}).
     *
     * @param type     the enum
     * @param expected what a good value looks like, such as {@code drop or close}
     * @param <E>      the enum
     * @return the parser
     */
    public static <E extends Enum<E>> Parser<E> oneOf(Class<E> type, String expected) {
        return Parser.of(text -> Enum.valueOf(type, text.replace('-', '_').toUpperCase(Locale.ROOT)), expected);
    }
}
