package io.switchboard.backplane.redis;

import io.switchboard.impl.testing.FastNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cluster node in its own JVM ({@link FastNode}: Weld SE and Tyrus on 127.0.0.1 through Switchboard), with the
 * test's class path, configured by system properties. Its output goes to {@code target/nodes/<name>.log}.
 */
final class NodeProcess implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "nodes");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a node and waits until it serves.
     *
     * @param name       names its log
     * @param properties its configuration
     * @param endpoints  one class of each package to deploy
     * @return the running node
     */
    static NodeProcess start(String name, Map<String, String> properties, Class<?>... endpoints) throws IOException {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(FastNode.class.getName());
        for (Class<?> endpoint : endpoints) {
            command.add(endpoint.getName());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(process, log, ready), "node-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new NodeProcess(name, process, ready.get(60, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("node " + name + " did not start; see " + log.toAbsolutePath(), e);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<Integer> ready) {
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                if (line.startsWith("READY ")) {
                    ready.complete(
                            Integer.parseInt(line.substring("READY ".length()).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the node's output ended before it was ready"));
    }

    /** Where its endpoints are, {@code ws://127.0.0.1:<port>/}. */
    URI base() {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    /** Its name. */
    String name() {
        return name;
    }

    /**
     * Waits until its output holds a text, such as the line that says its backplane is connected: the node serves
     * before, and counts and presence it writes meanwhile only reach Redis once it is.
     *
     * @param text what to wait for
     * @param wait how long at most
     */
    void awaitOutput(String text, java.time.Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(
                        "node " + name + " never printed '" + text + "'; see " + log.toAbsolutePath());
            }
            Thread.sleep(50);
        }
    }

    /**
     * How many times its output holds a text so far.
     *
     * @param text what to count
     * @return the count
     */
    int outputCount(String text) throws IOException {
        String output = Files.readString(log, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    /** Ends it with SIGKILL: no undeploy, nothing removed from Redis. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops it as an undeploy would, by closing its standard input. */
    @Override
    public void close() throws Exception {
        if (!process.isAlive()) {
            return;
        }
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
