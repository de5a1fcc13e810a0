package io.switchboard.impl.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as people write them in configuration: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, ISO-8601. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {}

    /**
     * Parses a duration.
     *
     * @param text such as {@code 30s}, {@code 500ms}, {@code 0}, or {@code PT30S}
     * @return the duration
     * @throws IllegalArgumentException if the text is none of those forms
     */
    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            try {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                // an ArithmeticException would escape the callers, which name the key only for this exception
                throw new IllegalArgumentException("Too long: " + text, e);
            }
        }
        try {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Not a duration: " + text, e);
        }
    }
}
