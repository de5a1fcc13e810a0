package io.switchboard.bench;

import io.switchboard.bench.report.Spread;
import java.util.List;

/**
 * One row of the client part's tables: one client (A, the bare JSR 356 client, or B, the reconnecting client) in
 * one scenario, over the interleaved cycles. CPU figures are of the client's JVM (the server runs in its own), in
 * microseconds per unit (a message, or a connection in the reconnect storm).
 *
 * @param scenario      {@code send}, {@code receive} or {@code reconnect storm}
 * @param size          payload bytes, 0 for the storm
 * @param client        which client
 * @param units         messages (or connections) per round
 * @param rate          units per second, per round
 * @param cpu           the client JVM's CPU (process CPU time: every thread, GC and JIT included) per unit
 * @param caller        of that, the thread that called the client
 * @param clientThreads of that, the reconnecting client's own threads
 * @param container     of that, every other live Java thread: the container's (Grizzly, Tyrus)
 * @param rest          of that, what no live Java thread accounts for: GC, JIT, threads that ended in the round
 * @param cpuRatios     for B, each cycle's CPU per unit over A's in the same cycle; empty for A
 * @param failedHandshakes handshakes that failed (and were tried again) in the measured rounds of the storm
 */
public record ClientResult(
        String scenario,
        int size,
        String client,
        long units,
        Spread rate,
        Spread cpu,
        Spread caller,
        Spread clientThreads,
        Spread container,
        Spread rest,
        List<Double> cpuRatios,
        int failedHandshakes) {

    /** @param cpuRatios for B, each cycle's CPU per unit over A's; empty for A */
    public ClientResult {
        cpuRatios = List.copyOf(cpuRatios);
    }

    /** Whether this is the storm's row rather than a throughput row. */
    public boolean storm() {
        return size == 0;
    }
}
