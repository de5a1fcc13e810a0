package io.switchboard.impl.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes as people write them in configuration: {@code 65536}, {@code 64KiB}, {@code 64KB}, {@code 1MiB}. */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?");

    private ByteSizes() {}

    /**
     * Parses a size. KB, MB and GB mean powers of 1024, like KiB, MiB and GiB.
     *
     * @param text such as {@code 65536}, {@code 64KiB} or {@code 1MiB}
     * @return the number of bytes
     * @throws IllegalArgumentException if the text is not a size, or the size overflows a {@code long}
     */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a size: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("Too large: " + text);
        }
        return amount << shift;
    }
}
