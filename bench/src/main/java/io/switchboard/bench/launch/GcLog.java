package io.switchboard.bench.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server JVM's garbage-collection pauses, read from the log that {@link #option} asks the JVM to write (unified
 * logging, {@code gc} at info: one line per pause, {@code ... Pause Young (Normal) (G1 Evacuation Pause) 812M->95M(8192M)
 * 12.345ms}).
 *
 * @param pauses        pauses logged, but for those the bench asked for ({@code System.gc()} of the control
 *                      endpoint's {@code gc})
 * @param totalMillis   their sum
 * @param longestMillis the longest of them
 * @param fullGcs       full collections among them (the JVM's own: the heap ran out)
 */
public record GcLog(int pauses, double totalMillis, double longestMillis, int fullGcs) {

    private static final Pattern PAUSE = Pattern.compile("Pause (\\w+).* ([0-9.]+)ms\\s*$");

    /** The JVM option that writes the log this reads. */
    public static String option(Path file) {
        return "-Xlog:gc:file=" + file.toAbsolutePath() + ":uptime";
    }

    /** The pauses in the log so far (none if it is not there). */
    public static GcLog read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new GcLog(0, 0, 0, 0);
        }
        int pauses = 0;
        int full = 0;
        double total = 0;
        double longest = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find() && !line.contains("System.gc()")) {
                double millis = Double.parseDouble(m.group(2));
                pauses++;
                total += millis;
                longest = Math.max(longest, millis);
                if (m.group(1).equals("Full")) {
                    full++;
                }
            }
        }
        return new GcLog(pauses, total, longest, full);
    }

    /** The pauses since an earlier reading of the same log; the longest is the longest of the whole log. */
    public GcLog since(GcLog earlier) {
        return new GcLog(
                pauses - earlier.pauses, totalMillis - earlier.totalMillis, longestMillis, fullGcs - earlier.fullGcs);
    }
}
