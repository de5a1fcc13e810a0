package io.switchboard.bench.launch;

import io.switchboard.launch.StopOnExit;
import io.switchboard.payara.PayaraMicro;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A server under test running in its own JVM: where it listens, and how much CPU it has used. */
public final class ServerProcess implements AutoCloseable {

    private static final long NANOS_PER_TICK = 1_000_000_000L / ticksPerSecond();

    private final String name;
    private final Process process;
    private final URI base;
    private final Path log;
    private final StopOnExit stopOnExit;

    ServerProcess(String name, Process process, URI base, Path log) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.log = log;
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
        return process.pid();
    }

    /** Whether the JVM still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /**
     * The CPU time the server's JVM has used so far, all its threads, user and system
     * ({@code utime + stime} of {@code /proc/<pid>/stat}; clock-tick resolution, usually 10 ms).
     */
    public long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the CPU time of " + name + " (pid " + pid() + ")", e);
        }
    }

    @Override
    public void close() {
        stopOnExit.close();
    }

    private void stop() {
        PayaraMicro.stop(process); // the same gentle-then-forced stop, whichever server runs in the process
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
