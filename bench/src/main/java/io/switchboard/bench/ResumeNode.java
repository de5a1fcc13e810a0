package io.switchboard.bench;

import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.launch.ServerProcess;
import io.switchboard.bench.launch.TyrusLauncher;
import io.switchboard.bench.tyrus.TyrusBenchServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Tyrus bench server of the history part that can be stopped and started again on the same port (127.0.0.1), as
 * a restart of a service its clients reconnect to. Each start logs to a directory of its own ({@code start-<n>}).
 */
final class ResumeNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Path workDir;
    private final List<String> jvm;
    private final ClientGroup clients;
    private final boolean backplane;
    private int port;
    private int starts;
    private ServerUnderTest server;
    private Started started;

    /**
     * The moment the latest start's server announced itself serving, and what its JVM had used by then.
     *
     * @param at           {@code nanoTime}
     * @param cpuNanos     its CPU time (JVM start, Weld, deployment)
     * @param bytesWritten its {@code wchar}
     * @param writeCalls   its {@code syscw}
     */
    record Started(long at, long cpuNanos, long bytesWritten, long writeCalls) {}

    private ResumeNode(String name, Path workDir, List<String> jvm, ClientGroup clients, boolean backplane) {
        this.name = name;
        this.workDir = workDir;
        this.jvm = List.copyOf(jvm);
        this.clients = clients;
        this.backplane = backplane;
    }

    /**
     * Starts one on a free port.
     *
     * @param name      its name in the progress lines
     * @param workDir   its logs go below it
     * @param jvm       JVM options and {@code -D} settings
     * @param clients   the load generator's connections (the control connection among them)
     * @param backplane whether it joins a backplane: each start waits until it says it is connected
     */
    static ResumeNode start(String name, Path workDir, List<String> jvm, ClientGroup clients, boolean backplane)
            throws Exception {
        ResumeNode node = new ResumeNode(name, workDir, jvm, clients, backplane);
        node.launch();
        return node;
    }

    private void launch() throws Exception {
        starts++;
        List<String> options = new ArrayList<>(jvm);
        if (port > 0) {
            options.add("-D" + TyrusBenchServer.PORT + "=" + port);
        }
        ServerProcess process = TyrusLauncher.start(name, workDir.resolve("start-" + starts), options, START_TIMEOUT);
        started = new Started(
                System.nanoTime(),
                process.cpuNanos(),
                process.bytesWritten(),
                process.usage().writeCalls());
        try {
            port = process.base().getPort();
            server = new ServerUnderTest(process, clients);
            if (backplane) {
                awaitLog(process, "backplane is connected");
            }
        } catch (Exception | Error e) {
            process.close();
            throw e;
        }
    }

    /** The running server. */
    ServerUnderTest server() {
        return server;
    }

    /** When the running server started serving. */
    Started started() {
        return started;
    }

    /**
     * Kills the server's JVM (SIGKILL: its connections are reset at once, nothing is drained) and starts a new one
     * on the same port; returns once it serves (and, with a backplane, is connected). Killed rather than stopped:
     * a JVM stopped with SIGTERM runs its shutdown hooks, and while Switchboard drains and closes its sessions there
     * the listener still accepts the clients' reconnects, which then lose their connection a second time.
     */
    void restart() throws Exception {
        server.process().kill();
        server.close();
        launch();
    }

    private static void awaitLog(ServerProcess process, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(process.log(), StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        process.name() + " did not log '" + text + "' within 30 s; see " + process.log());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
