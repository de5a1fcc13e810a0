package io.switchboard.impl.config;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a setting's text into a value, or says what a good value looks like. The reader that calls it names the
 * endpoint, the key and the value in the error; a parser only supplies the words after "is not", such as
 * {@code a boolean (true or false)}. Common parsers are in {@link Parsers}.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface Parser<T> {

    /**
     * Parses a value.
     *
     * @param text the text as configured (a parser trims it if spaces around a value do not count)
     * @return the value
     * @throws Rejected if the text is not a good value
     */
    T parse(String text);

    /**
     * A parser from a function that throws {@link IllegalArgumentException} (as {@code Enum.valueOf},
     * {@link Durations#parse} and {@code Long.parseLong} do) on bad text; the function is given the text trimmed.
     *
     * @param parse    the function
     * @param expected what a good value looks like, such as {@code drop or close}
     * @param <T>      the value's type
     * @return the parser
     */
    static <T> Parser<T> of(Function<String, T> parse, String expected) {
        return text -> {
            try {
                return parse.apply(text.trim());
            } catch (IllegalArgumentException e) {
                throw new Rejected(expected);
            }
        };
    }

    /**
     * This parser, with a further check on the parsed value.
     *
     * @param check    whether a parsed value is good
     * @param expected what a good value looks like, for a value that fails the check
     * @return the stricter parser
     */
    default Parser<T> requiring(Predicate<? super T> check, String expected) {
        return text -> {
            T value = parse(text);
            if (!check.test(value)) {
                throw new Rejected(expected);
            }
            return value;
        };
    }

    /**
     * This parser, its value turned into another.
     *
     * @param mapping the conversion
     * @param <U>     the new type
     * @return the parser
     */
    default <U> Parser<U> map(Function<? super T, ? extends U> mapping) {
        return text -> mapping.apply(parse(text));
    }

    /** A value that does not parse; the reader turns it into the message naming endpoint, key and value. */
    final class Rejected extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /**
         * @param expected what a good value looks like
         */
        public Rejected(String expected) {
            super(expected);
        }

        /** What a good value looks like. */
        public String expected() {
            return getMessage();
        }
    }
}
