package io.switchboard.bench.launch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Payara Micro with the bench WAR, locked down as every Payara Micro of this project is:
 * {@code --nohazelcast --disablephonehome}, {@code -Dhazelcast.phone.home.enabled=false}, and the preboot
 * command file that binds the HTTP listener to 127.0.0.1. Its root directory, temporary files and log
 * ({@code payara.log}) stay in the work directory.
 */
public final class PayaraLauncher {

    private PayaraLauncher() {
    }

    /**
     * @param payaraJar  the Payara Micro jar
     * @param preboot    the preboot command file (loopback binding)
     * @param war        the bench WAR, deployed at {@code /}
     * @param workDir    Payara's root directory, temporary files and log go here
     * @param jvmOptions heap and GC options for the server's JVM
     * @param timeout    how long it may take until the WAR answers
     */
    public static ServerProcess start(Path payaraJar, Path preboot, Path war, Path workDir, List<String> jvmOptions,
                                      Duration timeout) throws IOException, InterruptedException {
        for (Path file : List.of(payaraJar, preboot, war)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Missing " + file.toAbsolutePath());
            }
        }
        int port = freePort();
        // A root directory left by an earlier run still lists the bench application: Payara Micro would load that
        // copy at boot as well as the one deployed now, and the stale one's class loader fails its requests.
        deleteTree(workDir.resolve("root"));
        Files.createDirectories(workDir.resolve("tmp"));
        Path log = workDir.resolve("payara.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dhazelcast.phone.home.enabled=false");
        command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp").toAbsolutePath());
        command.addAll(List.of("-jar", payaraJar.toAbsolutePath().toString(),
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile", preboot.toAbsolutePath().toString(),
                "--rootdir", workDir.resolve("root").toAbsolutePath().toString(),
                "--port", Integer.toString(port),
                "--contextroot", "/",
                "--deploy", war.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess("Payara Micro", process, URI.create("ws://127.0.0.1:" + port + "/"),
                log);
        try {
            awaitPage(process, URI.create("http://127.0.0.1:" + port + "/index.html"), timeout, log);
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private static void awaitPage(Process process, URI page, Duration timeout, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // not listening yet
            } catch (IOException notYet) {
                // reset while the listener starts
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(page + " did not answer 200 within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
