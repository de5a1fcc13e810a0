package io.switchboard.bench.report;

import java.util.Locale;

/** How numbers are written in the tables: three significant digits, {@code k} and {@code M} for large ones. */
public final class Numbers {

    private Numbers() {}

    /** {@code 52300 -> 52.3k}, {@code 18.24 -> 18.2}, {@code 0.0714 -> 0.0714}. */
    public static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 1_000_000) {
            return significant(value / 1_000_000) + "M";
        }
        if (abs >= 10_000) {
            return significant(value / 1_000) + "k";
        }
        return significant(value);
    }

    private static String significant(double value) {
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3g";
        return String.format(Locale.ROOT, pattern, value);
    }
}
