package io.switchboard.launch;

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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What starting a server in a process of its own takes, whichever server: waiting for a page while watching the
 * process, ports on 127.0.0.1, a clean work directory, and the end of the server's log for an error message.
 */
public final class ServerProcesses {

    private ServerProcesses() {}

    /**
     * Waits until a page answers 200.
     *
     * @param server  the server's name, for messages
     * @param process the server's process: its exit ends the wait with an error
     * @param page    the page
     * @param timeout how long to wait
     * @param log     the server's log, quoted in errors; may be {@code null}
     * @throws IllegalStateException if the process exits or the page does not answer 200 in time
     */
    public static void awaitPage(String server, Process process, URI page, java.time.Duration timeout, Path log)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(2))
                .build();
        HttpRequest request = HttpRequest.newBuilder(page)
                .timeout(java.time.Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(server + " exited with code " + process.exitValue() + " before " + page
                        + " answered" + tail(log));
            }
            try {
                lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
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
        throw new IllegalStateException(page + " did not answer 200 within " + timeout
                + (lastStatus < 0 ? " (nothing listening)" : " (last status " + lastStatus + ")") + tail(log));
    }

    /** Whether a port on 127.0.0.1 was free a moment ago. */
    public static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails unless a port on 127.0.0.1 is free.
     *
     * @throws IllegalStateException if it is taken
     */
    public static void requireFree(int port) {
        if (!isFree(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken");
        }
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Deletes a directory and everything in it, if it exists. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The last 60 lines of a log, as a paragraph to append to an error message; empty without a readable log. */
    public static String tail(Path log) {
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
}
