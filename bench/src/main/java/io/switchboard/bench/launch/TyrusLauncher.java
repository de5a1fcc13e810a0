package io.switchboard.bench.launch;

import io.switchboard.bench.server.SubscriberNoMetricsEndpoint;
import io.switchboard.bench.server.SubscriberUngatheredEndpoint;
import io.switchboard.bench.tyrus.TyrusBenchServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts {@link TyrusBenchServer} (Tyrus standalone, Weld SE, Switchboard) in a child JVM with this JVM's
 * classpath, and waits for its ready line. Its output goes to {@code tyrus.log} in the work directory. The
 * system property {@link SubscriberNoMetricsEndpoint#METRICS_OFF} switches that endpoint's metrics off.
 */
public final class TyrusLauncher {

    private TyrusLauncher() {}

    /**
     * @param workDir    where its log goes
     * @param jvmOptions heap and GC options for the server's JVM
     * @param timeout    how long it may take to start
     */
    public static ServerProcess start(Path workDir, List<String> jvmOptions, Duration timeout)
            throws IOException, InterruptedException {
        return start("Tyrus standalone", workDir, jvmOptions, timeout);
    }

    /**
     * Starts one under a name of its own, for runs that hold several at once (the cluster part's nodes), each
     * with its own work directory so that their logs do not mix.
     *
     * @param name       its name in the tables and the progress lines
     * @param workDir    where its log goes
     * @param jvmOptions heap and GC options, and any {@code -D} settings (MicroProfile Config reads them)
     * @param timeout    how long it may take to start
     */
    public static ServerProcess start(String name, Path workDir, List<String> jvmOptions, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("tyrus.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // MicroProfile Config (SmallRye, system properties): the metrics-cost reference endpoint records nothing.
        command.add("-D" + SubscriberNoMetricsEndpoint.METRICS_OFF);
        // ...and the gathered-writes reference endpoint writes one message per call.
        command.add("-D" + SubscriberUngatheredEndpoint.GATHER_OFF);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TyrusBenchServer.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, ready), "tyrus-output");
        pump.setDaemon(true);
        pump.start();
        try {
            URI base = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ServerProcess(name, process, base, log);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start within " + timeout + "; see " + log, e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<URI> ready) {
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = out.readLine()) != null) {
                file.println(line);
                if (line.startsWith(TyrusBenchServer.READY)) {
                    ready.complete(URI.create(
                            line.substring(TyrusBenchServer.READY.length()).trim()));
                }
            }
            ready.completeExceptionally(new IllegalStateException("exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }
}
