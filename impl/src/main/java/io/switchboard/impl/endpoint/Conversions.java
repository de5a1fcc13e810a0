package io.switchboard.impl.endpoint;

import java.util.Map;
import java.util.function.Function;

/** The String-to-primitive conversions Jakarta WebSocket defines for path parameters and text messages. */
final class Conversions {

    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry(String.class, s -> s),
            Map.entry(int.class, Integer::valueOf),
            Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf),
            Map.entry(Long.class, Long::valueOf),
            Map.entry(short.class, Short::valueOf),
            Map.entry(Short.class, Short::valueOf),
            Map.entry(byte.class, Byte::valueOf),
            Map.entry(Byte.class, Byte::valueOf),
            Map.entry(double.class, Double::valueOf),
            Map.entry(Double.class, Double::valueOf),
            Map.entry(float.class, Float::valueOf),
            Map.entry(Float.class, Float::valueOf),
            // Boolean.valueOf, as Tyrus's decoder: anything but "true" (any case) is false.
            Map.entry(boolean.class, Boolean::valueOf),
            Map.entry(Boolean.class, Boolean::valueOf),
            Map.entry(char.class, Conversions::singleChar),
            Map.entry(Character.class, Conversions::singleChar));

    private Conversions() {}

    /** Whether {@link #fromString} converts to this type. */
    static boolean isConvertible(Class<?> type) {
        return PARSERS.containsKey(type);
    }

    /** Converts text to a String, a primitive or a primitive's wrapper; throws on text that does not fit. */
    static Object fromString(String text, Class<?> type) {
        Function<String, Object> parser = PARSERS.get(type);
        if (parser == null) {
            throw new IllegalArgumentException("Unsupported type " + type.getName());
        }
        return parser.apply(text);
    }

    private static Object singleChar(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("Not a single character");
        }
        return text.charAt(0);
    }
}
