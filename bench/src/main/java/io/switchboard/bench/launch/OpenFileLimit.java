package io.switchboard.bench.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's open-file limit, and raising it: {@code prlimit --pid <this pid> --nofile=N:N} (util-linux), which needs
 * root (or {@code CAP_SYS_RESOURCE}) to go above the hard limit. Servers started afterwards as child processes inherit
 * the raised limit (WildFly's {@code standalone.sh} raises its soft limit to the hard one itself).
 *
 * @param soft the soft limit now ({@link Long#MAX_VALUE} for unlimited)
 * @param hard the hard limit now
 * @param note what was done, for the log and the table's notes
 */
public record OpenFileLimit(long soft, long hard, String note) {

    /** This JVM's limits now. */
    public static OpenFileLimit current() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] words =
                            line.substring("Max open files".length()).trim().split("\\s+");
                    return new OpenFileLimit(parse(words[0]), parse(words[1]), "");
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux: say nothing is known
        }
        return new OpenFileLimit(-1, -1, "open-file limit unknown (no /proc/self/limits)");
    }

    /**
     * Raises this JVM's soft and hard limits to at least {@code wanted}, if they are lower.
     *
     * @return the limits afterwards, with a note saying what was done or why it could not be
     */
    public static OpenFileLimit raiseTo(long wanted) {
        OpenFileLimit now = current();
        if (now.soft() >= wanted) {
            return new OpenFileLimit(
                    now.soft(),
                    now.hard(),
                    "open-file limit " + show(now.soft()) + " already ≥ " + wanted + "; not changed");
        }
        long pid = ProcessHandle.current().pid();
        String command = "prlimit --pid " + pid + " --nofile=" + wanted + ":" + wanted;
        String outcome;
        try {
            Process prlimit = new ProcessBuilder(
                            "prlimit", "--pid", Long.toString(pid), "--nofile=" + wanted + ":" + wanted)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(prlimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!prlimit.waitFor(10, TimeUnit.SECONDS)) {
                prlimit.destroyForcibly();
                outcome = "timed out";
            } else {
                outcome = prlimit.exitValue() == 0 ? "" : "exit " + prlimit.exitValue() + ": " + output;
            }
        } catch (IOException e) {
            outcome = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        OpenFileLimit after = current();
        String note = after.soft() >= wanted
                ? "raised the open-file limit from " + show(now.soft()) + ":" + show(now.hard()) + " to "
                        + show(after.soft()) + ":" + show(after.hard()) + " (" + command
                        + "); the servers inherit it"
                : "could not raise the open-file limit " + show(now.soft()) + ":" + show(now.hard()) + " to "
                        + wanted + " (" + command + ": " + (outcome.isEmpty() ? "no effect" : outcome)
                        + "; raising a hard limit needs root with CAP_SYS_RESOURCE)";
        return new OpenFileLimit(after.soft(), after.hard(), note);
    }

    private static long parse(String value) {
        return value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value);
    }

    private static String show(long limit) {
        return limit == Long.MAX_VALUE ? "unlimited" : Long.toString(limit);
    }
}
