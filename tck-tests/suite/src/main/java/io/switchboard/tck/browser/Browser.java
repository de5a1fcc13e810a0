package io.switchboard.tck.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium as a test's WebSocket client: {@link #visit} opens a page of the deployment and returns what
 * the page observed. No WebDriver: Chromium is a plain child process of the test JVM, so it shares the JVM's
 * loopback-only network namespace, and the page reports back by POSTing to a receiver in this JVM.
 *
 * <p>The page includes {@code report.js} (see {@code Deployments.withBrowserPages}), which reads its parameters from
 * the URL fragment. The fragment never leaves the browser, so it may carry secrets such as a token. Each visit
 * starts a fresh Chromium with a throw-away profile and ends it, with all its processes, before returning.
 *
 * <p>Chromium is the first of {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the
 * {@code PATH}, or the executable named by the system property {@value #EXECUTABLE}. Without one the calling test
 * is skipped, unless {@value #REQUIRED} is {@code true} (CI sets it): then it fails.
 */
public final class Browser {

    /** How long a page gets, from Chromium's start, to report {@code done}. Generous: CI machines are slow. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** System property: the Chromium (or Chrome) executable to use instead of searching the {@code PATH}. */
    public static final String EXECUTABLE = "switchboard.tck.chromium";

    /** System property: {@code true} makes a missing Chromium fail the test instead of skipping it. */
    public static final String REQUIRED = "switchboard.tck.chromium.required";

    /**
     * System property: the folder for Chromium's output and net log ({@code chromium-<n>-<page>.log} and
     * {@code .netlog.json}, one pair per visit); {@code target/browser} if unset.
     */
    public static final String LOGS = "switchboard.tck.browser.logs";

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final AtomicInteger VISITS = new AtomicInteger();

    private Browser() {}

    /**
     * What a page reported: one line per event, in the order the page saw them, {@code done} left out.
     * {@code report.js} writes {@code open}, {@code message <text>}, {@code binary <size>}, {@code error} and
     * {@code close <code>} or {@code close <code> <reason>} for a watched socket, {@code page-error <text>} for an
     * uncaught error in the page, and whatever else the page records. Line breaks and backslashes in a text arrive
     * unescaped.
     *
     * @param lines the reported lines
     */
    public record Report(List<String> lines) {

        public Report {
            lines = List.copyOf(lines);
        }

        /** The texts of the {@code message} lines, in order. */
        public List<String> messages() {
            return lines.stream()
                    .filter(line -> line.startsWith("message "))
                    .map(line -> line.substring("message ".length()))
                    .toList();
        }

        /**
         * The code of the only {@code close} line.
         *
         * @throws AssertionError if the page reported no close, or more than one
         */
        public int closeCode() {
            List<String> closes =
                    lines.stream().filter(line -> line.startsWith("close ")).toList();
            if (closes.size() != 1) {
                throw new AssertionError("Expected one close in the page's report, got: " + lines);
            }
            return Integer.parseInt(closes.get(0).split(" ", 3)[1]);
        }
    }

    /** Opens {@code page} with the given fragment parameters and returns its report, waiting up to {@link #TIMEOUT}. */
    public static Report visit(URL page, Map<String, String> parameters) {
        return visit(page, parameters, TIMEOUT);
    }

    /**
     * Opens a page in a fresh headless Chromium and returns what it reported.
     *
     * @param page       the page's URL, typically {@code new URL(base, "browser/echo.html")}; no fragment
     * @param parameters passed in the URL fragment, percent-encoded, beside {@code report} (the receiver's URL);
     *                   the page reads them with {@code Report.param(name)}
     * @param timeout    how long the page gets to report {@code done}
     * @return the page's report
     * @throws AssertionError if the page did not report {@code done} in time, or Chromium ended first; the message
     *                        holds what the page had reported so far and where Chromium's log is
     */
    public static Report visit(URL page, Map<String, String> parameters, Duration timeout) {
        String executable = executable();
        Receiver receiver = Receiver.start();
        Path profile = null;
        Process chromium = null;
        Thread cleanup = null;
        Path log = logFile(page);
        try {
            profile = Files.createTempDirectory("chromium-profile");
            Map<String, String> fragment = new LinkedHashMap<>();
            fragment.put("report", receiver.url());
            fragment.putAll(parameters);
            URL url = new URL(page, "#" + encode(fragment));
            List<String> command = command(executable, profile, url, netLog(log));
            // The header leaves out the fragment. The net log has it (URLs in full), and the subprotocols the page
            // offers: a test's secrets are test secrets, and these files stay under target/.
            Files.writeString(
                    log,
                    "command: " + command.subList(0, command.size() - 1) + " " + page + "#...\n\n",
                    StandardCharsets.UTF_8);
            chromium = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Process started = chromium;
            Path startedProfile = profile;
            // A test JVM that exits mid-visit (a timeout, a System.exit) must not leave Chromium behind.
            cleanup = new Thread(() -> end(started, startedProfile), "chromium-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            appendNamespaces(log, chromium);
            return new Report(await(receiver, chromium, page, timeout, log));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run Chromium (" + executable + "); log: " + log.toAbsolutePath(), e);
        } finally {
            end(chromium, profile);
            receiver.stop();
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or about to: it finds nothing left to end.
                }
            }
        }
    }

    /** The page's lines up to {@code done}, or an error that says what it reported so far and where to look. */
    private static List<String> await(Receiver receiver, Process chromium, URL page, Duration timeout, Path log) {
        chromium.onExit()
                .thenAccept(ended -> receiver.done.completeExceptionally(
                        new IllegalStateException("Chromium exited with status " + ended.exitValue())));
        Supplier<String> sofar = () -> "; it reported " + receiver.latest.get()
                + ". Chromium's log (and net log beside it): " + log.toAbsolutePath();
        try {
            return receiver.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("The page " + page + " did not report done within " + timeout + sofar.get());
        } catch (ExecutionException e) {
            throw new AssertionError(
                    e.getCause().getMessage() + " before the page " + page + " reported done" + sofar.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + page, e);
        }
    }

    /**
     * The command line. Every flag that keeps Chromium from phoning home is here, because the loopback-only
     * namespace is not always there (no {@code unshare}, or {@code SWITCHBOARD_HOST_NETWORK}). Even with them,
     * Chromium 156 still tries {@code update.googleapis.com} (an on-demand component update): the resolver rule
     * makes every name but the page's own host fail without a DNS query, so nothing leaves the machine.
     */
    private static List<String> command(String executable, Path profile, URL url, Path netLog) {
        List<String> command = new ArrayList<>(List.of(
                executable,
                "--headless=new",
                "--disable-gpu",
                "--user-data-dir=" + profile,
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-breakpad",
                "--disable-domain-reliability",
                "--metrics-recording-only",
                "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,OptimizationHintsFetching,"
                        + "OptimizationGuideModelDownloading,Translate,MediaRouter",
                "--no-proxy-server",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE " + url.getHost() + ", EXCLUDE 127.0.0.1",
                // The page's console messages go to the log.
                "--enable-logging=stderr",
                "--v=0",
                // Every request and response with its headers, as they happen: the HTTP status of a refused
                // handshake (WEBSOCKET_UPGRADE_FAILURE; the page only sees error and 1006), the Origin and the
                // subprotocols sent. Chromium often ends without closing its JSON array: all events are there.
                "--log-net-log=" + netLog));
        if (runsAsRoot()) {
            // Chromium refuses to start as root with its sandbox on. The JVM is root in CI containers, and also
            // inside "unshare -rn" (loopback-jvm without privileges), where uid 0 is mapped to the real user.
            command.add("--no-sandbox");
        }
        command.add(url.toExternalForm());
        return command;
    }

    /** Ends Chromium and every process it started, then deletes its profile. Safe to call twice. */
    private static void end(Process chromium, Path profile) {
        if (chromium != null) {
            // Listed before the browser goes: its helpers (zygotes, renderers) would be re-parented and lost.
            List<ProcessHandle> tree = Stream.concat(chromium.descendants(), Stream.of(chromium.toHandle()))
                    .toList();
            // SIGTERM: Chromium shuts its helpers down itself, some of them just after the browser process has gone;
            // only those still there after a while are killed.
            chromium.destroy();
            awaitExit(tree, Duration.ofSeconds(10));
            // ProcessHandle checks each process's start time, so a reused pid is never killed.
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // Gone already, or half gone: the profile is under the build's temp folder anyway.
            }
        }
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits =
                processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Some still run: the caller kills them.
        }
    }

    /** The executable, or a skipped (or, where required, failed) test. */
    private static String executable() {
        Optional<String> found = Optional.ofNullable(System.getProperty(EXECUTABLE))
                .filter(name -> !name.isBlank())
                .or(() -> NAMES.stream()
                        .map(Browser::onPath)
                        .flatMap(Optional::stream)
                        .findFirst());
        if (found.isEmpty()) {
            String missing = "No Chromium: none of " + NAMES + " is on the PATH and " + EXECUTABLE + " is not set";
            if (Boolean.getBoolean(REQUIRED)) {
                throw new AssertionError(missing + ", but " + REQUIRED + " is true");
            }
            String skipped = missing + "; browser tests are skipped (apt-get install chromium)";
            // Failsafe's summary only counts skipped tests: the reason goes to the build log too.
            Logger.getLogger(Browser.class.getName()).warning(skipped);
            Assumptions.abort(skipped);
        }
        return found.get();
    }

    private static Optional<String> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    private static boolean runsAsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0")); // the effective uid
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Notes in the log whether Chromium shares the test JVM's network namespace (so the loopback-only one). */
    private static void appendNamespaces(Path log, Process chromium) {
        try {
            String jvm = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            String browser = Files.readSymbolicLink(Path.of("/proc/" + chromium.pid() + "/ns/net"))
                    .toString();
            Files.writeString(
                    log,
                    "network namespace of the test JVM: " + jvm + ", of Chromium (pid " + chromium.pid() + "): "
                            + browser + "\n\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux, or Chromium already gone: the log just lacks the line.
        }
    }

    private static Path logFile(URL page) {
        Path folder = Path.of(System.getProperty(LOGS, "target/browser"));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = Path.of(page.getPath()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return folder.resolve("chromium-" + VISITS.incrementAndGet() + "-" + name + ".log");
    }

    private static Path netLog(Path log) {
        return log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", ".netlog.json"));
    }

    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Where the page reports: an HTTP server on 127.0.0.1 at an ephemeral port, under a random path. The page POSTs
     * everything it has recorded so far after each event (a CORS "simple request": no preflight, the answer is
     * opaque to the page), so the longest body is the latest, whatever order the requests arrive in; the one that
     * ends with {@code done} completes the visit.
     */
    private static final class Receiver {

        final CompletableFuture<List<String>> done = new CompletableFuture<>();
        final AtomicReference<List<String>> latest = new AtomicReference<>(List.of());
        private final HttpServer server;
        private final String path = "/report/" + UUID.randomUUID();

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                Receiver receiver = new Receiver(server);
                server.createContext(receiver.path, receiver::handle);
                server.start();
                return receiver;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the report receiver", e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange;
                    InputStream body = exchange.getRequestBody()) {
                if (exchange.getRequestMethod().equals("POST")) {
                    List<String> lines = parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                    latest.accumulateAndGet(lines, (old, now) -> now.size() >= old.size() ? now : old);
                    if (!lines.isEmpty() && lines.get(lines.size() - 1).equals("done")) {
                        done.complete(lines.subList(0, lines.size() - 1));
                    }
                }
                exchange.sendResponseHeaders(204, -1);
            }
        }

        /** {@code report.js} escapes {@code \}, CR and LF in each line, so lines are separated by bare LFs. */
        private static List<String> parse(String body) {
            if (body.isEmpty()) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            for (String line : body.split("\n", -1)) {
                StringBuilder text = new StringBuilder(line.length());
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c == '\\' && i + 1 < line.length()) {
                        char next = line.charAt(++i);
                        text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
                    } else {
                        text.append(c);
                    }
                }
                lines.add(text.toString());
            }
            return lines;
        }

        void stop() {
            server.stop(0);
        }
    }
}
