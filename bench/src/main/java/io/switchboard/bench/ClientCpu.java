package io.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time this JVM (the client part's client side: the server runs in a JVM of its own) has used, all of it
 * and by thread: the process's ({@code getProcessCpuTime}, every thread, GC and JIT included), and each live
 * thread's ({@link ThreadMXBean#getThreadCpuTime}) to tell where it went.
 */
final class ClientCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The process's CPU time and each live thread's, at one moment. */
    static final class Snapshot {
        final long process;
        final Map<Long, Long> threads = new HashMap<>();
        final Map<Long, String> names = new HashMap<>();

        private Snapshot() {
            for (long id : THREADS.getAllThreadIds()) {
                long cpu = THREADS.getThreadCpuTime(id);
                java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
                if (cpu >= 0 && info != null) {
                    threads.put(id, cpu);
                    names.put(id, info.getThreadName());
                }
            }
            process = OS.getProcessCpuTime();
        }
    }

    /**
     * Where the CPU of a stretch went, in nanoseconds.
     *
     * @param process   the whole process: every thread, the JVM's own (GC, JIT) included
     * @param caller    the thread that called the client (sent, or waited)
     * @param client    the reconnecting client's own threads ({@code switchboard-client-*})
     * @param container every other Java thread that ran: the container's (Grizzly's selector and workers, Tyrus)
     *                  and the bench's idle ones
     */
    record Usage(long process, long caller, long client, long container) {
        /** What no live Java thread accounts for: GC, the JIT compilers, threads that ended within the stretch. */
        long rest() {
            return process - caller - client - container;
        }
    }

    private ClientCpu() {}

    static Snapshot now() {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        return new Snapshot();
    }

    /** This JVM's CPU time so far, every thread and the JVM's own included. */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }

    static Usage between(Snapshot before, Snapshot after, Thread caller) {
        long callerNanos = 0;
        long clientNanos = 0;
        long containerNanos = 0;
        for (Map.Entry<Long, Long> thread : after.threads.entrySet()) {
            long used = thread.getValue() - before.threads.getOrDefault(thread.getKey(), 0L);
            if (thread.getKey() == caller.getId()) {
                callerNanos += used;
            } else if (after.names.get(thread.getKey()).startsWith("switchboard-client-")) {
                clientNanos += used;
            } else {
                containerNanos += used;
            }
        }
        return new Usage(after.process - before.process, callerNanos, clientNanos, containerNanos);
    }
}
