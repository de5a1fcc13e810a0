package io.switchboard.tck.browser;

import io.switchboard.browser.ChromiumInstallation;
import io.switchboard.browser.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;

/**
 * Headless Chromium as a test's WebSocket client: {@link #visit} opens a page of the deployment and returns what
 * the page observed. Chromium runs through Selenium WebDriver ({@code browser-harness}: Debian's chromium and
 * chromedriver, named explicitly, so nothing is downloaded), as a descendant of the test JVM: it shares the JVM's
 * loopback-only network namespace. Each visit starts a fresh browser with a throw-away profile and ends it before
 * returning.
 *
 * <p>The page includes {@code report.js} (see {@code Deployments.withBrowserPages}), which reads its parameters from
 * the URL fragment (it never leaves the browser, so it may carry secrets such as a token) and records what it sees;
 * this class reads the record through WebDriver until the page says {@code done}.
 *
 * <p>Chromium and chromedriver are found as {@link ChromiumInstallation} says: the first {@code chromium},
 * {@code chromium-browser} or {@code google-chrome} and {@code chromedriver} on the {@code PATH}, or the executables
 * named by {@value ChromiumInstallation#BROWSER} and {@value ChromiumInstallation#DRIVER}. Without them the calling
 * test is skipped, unless {@value ChromiumInstallation#REQUIRED} is {@code true} (CI sets it): then it fails.
 */
public final class Browser {

    /** How long a page gets, from its load, to report {@code done}. Generous: CI machines are slow. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * System property: the folder for chromedriver's log (Chromium's output and the page's console included) and
     * Chromium's net log, one of each per visit; {@code target/browser} if unset.
     */
    public static final String LOGS = "switchboard.tck.browser.logs";

    private static final Duration POLL = Duration.ofMillis(100);
    private static final String READ_REPORT = "return typeof Report === 'undefined' ? null : Report.lines();";
    private static final AtomicInteger VISITS = new AtomicInteger();

    private Browser() {}

    /**
     * What a page reported: one line per event, in the order the page saw them, {@code done} left out.
     * {@code report.js} writes {@code open}, {@code message <text>}, {@code binary <size>}, {@code error} and
     * {@code close <code>} or {@code close <code> <reason>} for a watched socket, {@code page-error <text>} for an
     * uncaught error in the page, and whatever else the page records. Line breaks and backslashes in a text arrive
     * as they were.
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
     * @param parameters passed in the URL fragment, percent-encoded; the page reads them with
     *                   {@code Report.param(name)}
     * @param timeout    how long the page gets to report {@code done}
     * @return the page's report
     * @throws AssertionError if the page did not report {@code done} in time, or the browser failed; the message
     *                        holds what the page had reported so far and where the logs and a screenshot are
     */
    public static Report visit(URL page, Map<String, String> parameters, Duration timeout) {
        ChromiumInstallation installation = ChromiumInstallation.require();
        Path logs = logFolder();
        String name = "visit-" + VISITS.incrementAndGet() + "-"
                + Path.of(page.getPath()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        // Every request and response with its headers: the HTTP status of a refused handshake (the page only sees
        // error and 1006), the Origin and the subprotocols sent. A test's secrets are test secrets, under target/.
        Path netLog = logs.resolve(name + ".netlog.json");
        HeadlessChromium.Setup setup = new HeadlessChromium.Setup(
                logs, List.of(page.getHost()), List.of("--log-net-log=" + netLog, "--enable-logging=stderr", "--v=0"));
        try (HeadlessChromium browser = HeadlessChromium.start(installation, setup)) {
            browser.driver().get(withFragment(page, parameters));
            return new Report(await(browser, page, timeout, name, logs));
        }
    }

    /** The page's lines up to {@code done}, or an error that says what it reported so far and where to look. */
    private static List<String> await(HeadlessChromium browser, URL page, Duration timeout, String name, Path logs) {
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = List.of();
        try {
            while (System.nanoTime() < deadline) {
                lines = read(script.executeScript(READ_REPORT));
                if (!lines.isEmpty() && lines.get(lines.size() - 1).equals("done")) {
                    return lines.subList(0, lines.size() - 1);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + page, e);
        } catch (WebDriverException e) {
            throw new AssertionError(
                    "The browser failed before the page " + page + " reported done; it reported " + lines + ". Logs: "
                            + logs.toAbsolutePath(),
                    e);
        }
        Path screenshot = browser.saveScreenshot(name + "-timeout");
        throw new AssertionError("The page " + page + " did not report done within " + timeout + "; it reported "
                + lines + ". Screenshot: " + screenshot.toAbsolutePath() + ", logs: " + logs.toAbsolutePath());
    }

    /**
     * A list WebDriver returned from a script, as strings; empty for anything else ({@code null} before the page's
     * script ran).
     *
     * @param reported what the script returned
     * @return the strings
     */
    public static List<String> read(Object reported) {
        if (!(reported instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

    /**
     * A page's address with its parameters in the fragment, which the browser never sends to a server.
     *
     * @param page       the page
     * @param parameters its parameters
     * @return the address
     */
    public static String withFragment(URL page, Map<String, String> parameters) {
        String fragment = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return new URL(page, "#" + fragment).toExternalForm();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(page + " with its parameters is no URL", e);
        }
    }

    /**
     * Where Chromium's output and network logs go ({@link #LOGS}), created if needed.
     *
     * @return the folder
     */
    public static Path logFolder() {
        Path folder = Path.of(System.getProperty(LOGS, "target/browser"));
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
