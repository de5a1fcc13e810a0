package io.switchboard.samples.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the chat sample's WAR on Payara Micro, always locked down the same way, and waits until the sample's
 * page answers.
 *
 * <p>Payara Micro runs in its own JVM with {@code --nohazelcast --disablephonehome},
 * {@code -Dhazelcast.phone.home.enabled=false} and the preboot command file that binds its HTTP listener to
 * 127.0.0.1, so it listens on loopback only and sends nothing anywhere. Its root directory and temporary
 * files stay under the given work directory.
 *
 * <p>Both ways of running the sample go through here, so they cannot drift apart: {@code -Prun} runs this
 * file as a single-file source program ({@code java ChatServer.java --payara ... --port 8080}, see the
 * pom), and {@link ChatSampleIT} calls {@link #start}. It therefore uses the JDK alone.
 */
public final class ChatServer implements AutoCloseable {

    /**
     * What to run, and where.
     *
     * @param payaraJar   the Payara Micro jar
     * @param war         the sample's WAR, deployed at the context root {@code /}
     * @param prebootFile the asadmin commands run before boot (the loopback binding)
     * @param workDir     Payara's root directory and temporary files go here
     * @param port        the HTTP port on 127.0.0.1
     */
    public record Setup(Path payaraJar, Path war, Path prebootFile, Path workDir, int port) {
    }

    private final Process process;
    private final URI baseUri;
    private final Thread stopOnExit;

    private ChatServer(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
        this.stopOnExit = new Thread(this::stop, "stop-payara-micro");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** The Payara Micro command line for a setup. */
    public static List<String> command(Setup setup) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(
                java.toString(),
                "-Dhazelcast.phone.home.enabled=false",
                "-Djava.io.tmpdir=" + setup.workDir().resolve("tmp").toAbsolutePath(),
                "-jar", setup.payaraJar().toAbsolutePath().toString(),
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile", setup.prebootFile().toAbsolutePath().toString(),
                "--rootdir", setup.workDir().resolve("root").toAbsolutePath().toString(),
                "--port", Integer.toString(setup.port()),
                "--contextroot", "/",
                "--deploy", setup.war().toAbsolutePath().toString());
    }

    /**
     * Starts Payara Micro and waits until the sample's page answers 200.
     *
     * @param setup   what to run
     * @param timeout how long to wait for the page before giving up (and stopping the server)
     * @param log     where Payara's output goes; {@code null} for this process's own output
     * @return the running server; close it to stop it
     * @throws IllegalStateException if the port is taken, Payara exits, or the page does not answer in time
     */
    public static ChatServer start(Setup setup, Duration timeout, Path log) throws IOException, InterruptedException {
        for (Path file : List.of(setup.payaraJar(), setup.war(), setup.prebootFile())) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Missing " + file.toAbsolutePath());
            }
        }
        requireFree(setup.port());
        Files.createDirectories(setup.workDir().resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(command(setup)).redirectErrorStream(true);
        if (log == null) {
            builder.inheritIO();
        } else {
            Files.createDirectories(log.toAbsolutePath().getParent());
            builder.redirectOutput(log.toFile());
        }
        ChatServer server = new ChatServer(builder.start(),
                URI.create("http://127.0.0.1:" + setup.port() + "/"));
        try {
            server.awaitPage(timeout, log);
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>/}, where the sample's page is. */
    public URI baseUri() {
        return baseUri;
    }

    /** The Payara Micro process. */
    public Process process() {
        return process;
    }

    /** Stops Payara Micro: asks it to shut down, and kills it if it has not within 30 seconds. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDownAlready) {
            // the hook runs or ran
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPage(Duration timeout, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest page = HttpRequest.newBuilder(baseUri).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with code " + process.exitValue()
                        + " before " + baseUri + " answered" + tail(log));
            }
            try {
                lastStatus = http.send(page, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // not listening yet
            } catch (IOException notYet) {
                // connection reset while the listener starts
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(baseUri + " did not answer 200 within " + timeout
                + (lastStatus < 0 ? " (nothing listening)" : " (last status " + lastStatus + ")") + tail(log));
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken (" + e.getMessage()
                    + "); choose another, e.g. -Dchat.port=9090");
        }
    }

    private static String tail(Path log) {
        if (log == null || !Files.isReadable(log)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return " (could not read " + log + ": " + e + ")";
        }
    }

    /**
     * Runs the sample until Ctrl+C:
     * {@code java ChatServer.java --payara P --war W --preboot F --workdir D --port N [--timeout SECONDS]}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("--payara", "--war", "--preboot", "--workdir", "--port")) {
            if (!options.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("Missing " + missing
                    + "; usage: java ChatServer.java --payara P --war W --preboot F --workdir D --port N");
            System.exit(2);
        }
        Setup setup = new Setup(Path.of(options.get("--payara")), Path.of(options.get("--war")),
                Path.of(options.get("--preboot")), Path.of(options.get("--workdir")),
                Integer.parseInt(options.get("--port")));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout", "180")));

        // Maven does not stop what exec:exec started when Maven itself is killed: follow it out.
        ProcessHandle.current().parent().ifPresent(maven -> maven.onExit().thenRun(() -> System.exit(143)));

        ChatServer server;
        try {
            server = start(setup, timeout, null);
        } catch (IllegalStateException e) {
            System.err.println("\nThe chat sample did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        String line = "=".repeat(72);
        System.out.println("\n" + line
                + "\n  Switchboard chat sample is running. Open:  " + server.baseUri()
                + "\n  Open sessions as JSON:                     " + server.baseUri() + "sessions"
                + "\n  WebSocket:                                 "
                + server.baseUri().toString().replaceFirst("^http", "ws") + "chat/{room}"
                + "\n  Listening on 127.0.0.1 only. Press Ctrl+C to stop."
                + "\n" + line + "\n");
        System.exit(server.process().waitFor());
    }
}
