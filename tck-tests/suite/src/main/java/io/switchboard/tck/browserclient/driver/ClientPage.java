package io.switchboard.tck.browserclient.driver;

import io.switchboard.browser.ChromiumInstallation;
import io.switchboard.browser.HeadlessChromium;
import io.switchboard.browser.NetLog;
import io.switchboard.tck.browser.Browser;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.JavascriptExecutor;

/**
 * {@code browserclient/resume.html} open in a headless Chromium of its own, for as long as a test needs: the test
 * reads what the page keeps in {@code window.*} through WebDriver while it drives the server, rather than waiting
 * for the page to finish as {@link Browser#visit} does. Chromium runs as {@link Browser} runs it (Debian's chromium
 * and chromedriver, skipped or failed without them, nothing downloaded) and leaves chromedriver's log, with the
 * page's console, and Chromium's net log in the same folder ({@value Browser#LOGS}).
 */
public final class ClientPage implements AutoCloseable {

    /** How long a page gets for a step, unless the test says otherwise. Generous: CI machines are slow. */
    public static final Duration STEP = Duration.ofSeconds(60);

    private static final AtomicInteger PAGES = new AtomicInteger();
    private static final Duration POLL = Duration.ofMillis(40);

    private final HeadlessChromium browser;
    private final JavascriptExecutor script;
    private final String name;
    private final Path netLog;

    private ClientPage(HeadlessChromium browser, String name, Path netLog) {
        this.browser = browser;
        this.script = (JavascriptExecutor) browser.driver();
        this.name = name;
        this.netLog = netLog;
    }

    /**
     * Opens the page in a fresh browser. Call it from a test method: without Chromium the test is skipped (or fails,
     * where {@value ChromiumInstallation#REQUIRED} is true).
     *
     * @param page       the page's URL, without fragment
     * @param parameters the page's parameters, passed in the fragment
     * @return the open page; close it
     */
    public static ClientPage open(URL page, Map<String, String> parameters) {
        ChromiumInstallation installation = ChromiumInstallation.require();
        Path logs = Browser.logFolder();
        String name = "browser-client-" + PAGES.incrementAndGet();
        Path netLog = logs.resolve(name + ".netlog.json");
        HeadlessChromium.Setup setup = new HeadlessChromium.Setup(
                logs, List.of(page.getHost()), List.of("--log-net-log=" + netLog, "--enable-logging=stderr", "--v=0"));
        HeadlessChromium browser = HeadlessChromium.start(installation, setup);
        try {
            browser.driver().get(Browser.withFragment(page, parameters));
            return new ClientPage(browser, name, netLog);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** Runs a script in the page and returns what it returns, as WebDriver converts it. */
    public Object run(String javascript) {
        return script.executeScript(javascript);
    }

    /** The socket's state, or {@code null} before the module ran. */
    public String state() {
        return (String) run("return window.socket ? window.socket.state : null;");
    }

    /** Every message the page's {@code onmessage} got, in order. */
    public List<String> received() {
        return Browser.read(run("return window.received;"));
    }

    /** The broadcasts among them ({@code <position> <text>}), in order. */
    public List<String> broadcasts() {
        return received().stream().filter(ClientPage::isBroadcast).toList();
    }

    /** How many broadcasts the page got. */
    public int broadcastCount() {
        return ((Number) run("return window.received.filter((m) => !m.startsWith('open|') && !m.startsWith('state|'))"
                        + ".length;"))
                .intValue();
    }

    /** The text of the last broadcast the page got (what follows its position), or {@code null}. */
    public String lastBroadcast() {
        return (String)
                run("const b = window.received.filter((m) => !m.startsWith('open|') && !m.startsWith('state|'));"
                        + " return b.length ? b[b.length - 1].slice(b[b.length - 1].indexOf(' ') + 1) : null;");
    }

    /** The text of the last message of the application's view ({@link #messages()}), or {@code null}. */
    public String lastMessage() {
        return (String) run("const m = window.messages;"
                + " return m.length ? m[m.length - 1].slice(m[m.length - 1].indexOf(' ') + 1) : null;");
    }

    /** How many times the page's token function was asked. */
    public int tokenAsks() {
        return ((Number) run("return window.tokenAsks;")).intValue();
    }

    /** The application's view of the room: broadcasts with the fresh states merged in. */
    public List<String> messages() {
        return Browser.read(run("return window.messages;"));
    }

    /** The {@code open|...} message of each connection, in order. */
    public List<String> opens() {
        return Browser.read(run("return window.opens;"));
    }

    /** Every state the socket reported: {@code <state> <code> <attempt>}, in order. */
    public List<String> states() {
        return Browser.read(run("return window.states.map((s) => s.state + ' ' + s.code + ' ' + s.attempt);"));
    }

    /** Each wait after a 1012: {@code <reason>|<delay in ms>}, in order. */
    public List<String> restartWaits() {
        return Browser.read(run("return window.states.filter((s) => s.state === 'backing-off' && s.code === 1012)"
                + ".map((s) => s.reason + '|' + s.delay);"));
    }

    /** Errors the page reported. */
    public List<String> problems() {
        return Browser.read(run("return window.problems;"));
    }

    /**
     * Waits until a condition on the page holds.
     *
     * @param what    what is awaited, for the failure message
     * @param timeout how long
     * @param done    the condition, asked every 40 ms
     * @throws AssertionError if it did not hold in time; the message says what the page saw and where the logs are
     */
    public void await(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The page did not get " + what + " within " + timeout + ": " + summary());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** Waits {@link #STEP} at most until the page has had {@code count} connections open. */
    public void awaitOpens(int count) {
        await(count + " connection(s)", STEP, () -> opens().size() >= count);
    }

    /** What the page holds, in short, for failure messages. */
    public String summary() {
        try {
            List<String> received = received();
            Path screenshot = browser.saveScreenshot(name + "-" + System.nanoTime());
            return "state " + state() + ", " + received.size() + " messages received, last "
                    + (received.isEmpty() ? "none" : received.get(received.size() - 1)) + ", opens " + opens()
                    + ", states " + states() + ", problems " + problems() + "; screenshot "
                    + screenshot.toAbsolutePath()
                    + ", logs " + Browser.logFolder().toAbsolutePath() + " (" + name + ")";
        } catch (RuntimeException e) {
            return "(the page cannot be read: " + e + ")";
        }
    }

    /**
     * The page's WebSocket handshakes as Chromium's net log has them, each with the answer the page never sees: the
     * status line of one that opened, the refusal of one that did not, or the network error (see {@link NetLog}).
     * Chromium writes its log in batches and finishes it as it exits: read it after {@link #close()} for the last
     * events.
     */
    public List<NetLog.Handshake> webSocketHandshakes() {
        return NetLog.webSocketHandshakes(netLog);
    }

    /** Ends the browser. */
    @Override
    public void close() {
        browser.close();
    }

    /** Whether a message is a broadcast ({@code <position> <text>}) rather than the server's own. */
    public static boolean isBroadcast(String message) {
        return !message.startsWith("open|") && !message.startsWith("state|");
    }
}
