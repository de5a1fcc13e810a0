package io.switchboard.bench;

import io.switchboard.bench.report.MarkdownTable;
import io.switchboard.bench.report.Numbers;
import java.util.List;

/** The capacity part's results as markdown tables: plain against Switchboard, and what limits each server. */
final class CapacityTables {

    private CapacityTables() {}

    /** One row per measurement and server: plain, Switchboard, and Switchboard ÷ plain. */
    static String measurements(List<CapacityResult> results) {
        MarkdownTable table = new MarkdownTable(
                "server", "N", "measurement", "plain", "Switchboard", "× (Switchboard ÷ plain)", "notes");
        for (CapacityResult r : results) {
            table.row(
                    r.server(),
                    Numbers.format(r.sessions()),
                    r.measurement(),
                    r.plain().format(),
                    r.switchboard().format(),
                    r.switchboard().ratioTo(r.plain()),
                    r.note());
        }
        return table.toString();
    }

    /** Where each server stood at N: heap, threads, files, GC pauses, cores busy. */
    static String limits(List<CapacityResult.Limits> limits) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "N",
                "heap after GC with N plain / Switchboard sessions, MB (of max)",
                "threads (idle → most)",
                "open files (most)",
                "GC pauses (count, total s, longest ms)",
                "cores busy in connect storms (plain / Switchboard / with tokens)",
                "cores busy in one broadcast (plain / Switchboard)");
        for (CapacityResult.Limits l : limits) {
            table.row(
                    l.server(),
                    Numbers.format(l.sessions()),
                    l.plainHeapMb() + " / " + l.switchboardHeapMb() + " (" + l.heapMaxMb() + ")",
                    l.threadsIdle() + " → " + l.threads(),
                    Integer.toString(l.openFiles()),
                    String.format(
                            "%d, %.1f s, %.0f ms%s",
                            l.gc().pauses(),
                            l.gc().totalMillis() / 1000,
                            l.gc().longestMillis(),
                            l.gc().fullGcs() > 0 ? " (" + l.gc().fullGcs() + " full)" : ""),
                    l.stormCores(),
                    l.broadcastCores());
        }
        return table.toString();
    }
}
