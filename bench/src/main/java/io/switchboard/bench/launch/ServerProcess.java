package io.switchboard.bench.launch;

import io.switchboard.launch.StopOnExit;
import io.switchboard.payara.PayaraMicro;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A server under test running in its own JVM: where it listens, and how much CPU it has used. */
public final class ServerProcess implements AutoCloseable {

    private static final long NANOS_PER_TICK = 1_000_000_000L / ticksPerSecond();

    private final String name;
    /** The server's JVM: the process started, or (WildFly) the JVM its start script runs. */
    private final ProcessHandle jvm;

    private final URI base;
    private final Path log;
    private final Runnable stop;
    private final StopOnExit stopOnExit;

    ServerProcess(String name, Process process, URI base, Path log) {
        this(name, process.toHandle(), base, log, () -> PayaraMicro.stop(process));
    }

    /**
     * A server whose JVM is not the process started (a start script's child) and that stops its own way.
     *
     * @param jvm  the JVM whose CPU, threads and files are read
     * @param stop stops it (the close, and the exit hook)
     */
    ServerProcess(String name, ProcessHandle jvm, URI base, Path log, Runnable stop) {
        this.name = name;
        this.jvm = jvm;
        this.base = base;
        this.log = log;
        this.stop = stop;
        this.stopOnExit = new StopOnExit(name, this::stop);
    }

    /** The server's name in the tables. */
    public String name() {
        return name;
    }

    /** {@code ws://127.0.0.1:<port>/}. */
    public URI base() {
        return base;
    }

    /** The server's log (its standard output and error). */
    public Path log() {
        return log;
    }

    /** The JVM's process id. */
    public long pid() {
        return jvm.pid();
    }

    /** Whether the JVM still runs. */
    public boolean alive() {
        return jvm.isAlive();
    }

    /** The JVM's threads now ({@code Threads:} of {@code /proc/<pid>/status}), -1 where unreadable. */
    public int threads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // gone, or not Linux
        }
        return -1;
    }

    /**
     * The JVM's threads now by kind: their names as the kernel keeps them ({@code /proc/<pid>/task/<tid>/comm}, the
     * first 15 bytes) with digits replaced by {@code N}, most numerous first, e.g.
     * {@code http-thread-poo ×200, http-listener-k ×1}, the six most numerous kinds; empty where unreadable.
     */
    public String threadKinds() {
        Map<String, Integer> kinds = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "N");
                    kinds.merge(name, 1, Integer::sum);
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
        return kinds.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6)
                .map(e -> e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The JVM's open file descriptors now (entries of {@code /proc/<pid>/fd}), -1 where unreadable. */
    public int openFiles() {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return (int) fds.count();
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /**
     * The CPU time the server's JVM has used so far, all its threads, user and system
     * ({@code utime + stime} of {@code /proc/<pid>/stat}; clock-tick resolution, usually 10 ms).
     */
    public long cpuNanos() {
        long[] cpu = userAndSystemNanos();
        return cpu[0] + cpu[1];
    }

    private long[] userAndSystemNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15
            return new long[] {Long.parseLong(fields[11]) * NANOS_PER_TICK, Long.parseLong(fields[12]) * NANOS_PER_TICK
            };
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the CPU time of " + name + " (pid " + pid() + ")", e);
        }
    }

    /**
     * What the server's JVM has used so far, for telling where its CPU goes.
     *
     * @param userNanos   CPU time in user mode, all threads ({@code utime})
     * @param systemNanos CPU time in the kernel, all threads ({@code stime}): on loopback, mostly socket writes and
     *                    reads
     * @param writeCalls  write system calls ({@code syscw} of {@code /proc/<pid>/io}: {@code write}, {@code writev}
     *                    and the like), -1 where the kernel does not say
     */
    public record Usage(long userNanos, long systemNanos, long writeCalls) {}

    /** Its CPU time, user and kernel apart, and its write system calls so far. */
    public Usage usage() {
        long[] cpu = userAndSystemNanos();
        long writes = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "io"))) {
                if (line.startsWith("syscw:")) {
                    writes = Long.parseLong(line.substring("syscw:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not every kernel (or container) lets a process read another's io counters
        }
        return new Usage(cpu[0], cpu[1], writes);
    }

    /**
     * The bytes the server's JVM has handed to {@code write} and the like so far, sockets included ({@code wchar} of
     * {@code /proc/<pid>/io}: WebSocket frames with their headers, handshake responses, and its log), or -1 where the
     * kernel does not say.
     */
    public long bytesWritten() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring("wchar:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not every kernel (or container) lets a process read another's io counters
        }
        return -1;
    }

    /**
     * Kills the JVM at once (SIGKILL, as a crash does: no shutdown hook, no close frame; its clients see their
     * connections reset) and waits until it is gone.
     */
    public void kill() {
        jvm.destroyForcibly();
        try {
            jvm.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // reported by the caller's next connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopOnExit.close();
    }

    @Override
    public void close() {
        stopOnExit.close();
    }

    private void stop() {
        stop.run(); // Tyrus and Payara: the same gentle-then-forced stop, whichever server runs in the process
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
