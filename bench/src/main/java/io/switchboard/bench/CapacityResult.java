package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * One measurement of the capacity part on one server, plain against Switchboard.
 *
 * @param server      the server's name
 * @param sessions    N, the sessions open
 * @param measurement what was measured, with its unit
 * @param plain       the plain endpoint's value ({@code @Untracked}, the application's own set and loop)
 * @param switchboard Switchboard's value
 * @param lowerIsBetter whether a smaller value is the better one (times, CPU, heap), for the reader of the ratio
 * @param note        what else the round saw (failures, deliveries missed), or empty
 */
record CapacityResult(
        String server,
        int sessions,
        String measurement,
        Spread plain,
        Spread switchboard,
        boolean lowerIsBetter,
        String note) {

    /**
     * What one server ran out of first, or came closest to, at N sessions.
     *
     * @param server          the server's name
     * @param sessions        N
     * @param heapMaxMb       the server's maximum heap, MB
     * @param plainHeapMb     used heap after full GCs with N plain sessions open, MB
     * @param switchboardHeapMb used heap after full GCs with N Switchboard sessions open, MB
     * @param threads         the most threads the server's JVM had ({@code /proc/<pid>/status}), at the samples taken
     * @param threadsIdle     its threads before the first storm
     * @param threadKinds     its threads by name when it had the most, most numerous first
     * @param openFiles       the most open files it had, at the samples taken
     * @param gc              its garbage-collection pauses over the whole run, those the bench asked for excepted
     * @param stormCores      cores busy in the server during the plain and Switchboard connect storms (CPU ÷ wall)
     * @param broadcastCores  cores busy in the server during the single broadcasts, plain and Switchboard
     */
    record Limits(
            String server,
            int sessions,
            long heapMaxMb,
            long plainHeapMb,
            long switchboardHeapMb,
            int threads,
            int threadsIdle,
            String threadKinds,
            int openFiles,
            io.switchboard.bench.launch.GcLog gc,
            String stormCores,
            String broadcastCores) {}
}
