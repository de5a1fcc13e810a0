package io.switchboard.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium driven through WebDriver, with a throw-away profile; {@link #close()} ends the browser and
 * its driver and deletes the profile.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start(ChromiumInstallation.require())) {
 *     browser.driver().get("http://127.0.0.1:8080/ticker/");
 *     browser.saveScreenshot("ticker");
 * }
 * }</pre>
 *
 * <p>Nothing leaves the machine. Both paths are explicit (the driver through
 * {@code ChromeDriverService.usingDriverExecutable}, the browser through {@code ChromeOptions.setBinary}), which is
 * what keeps Selenium Manager from running: it is only consulted for a path that is missing. chromedriver listens on
 * loopback only, its default; {@code --allowed-ips} is never passed, as it would make it listen on every interface.
 * Chromium gets every switch that turns off its background traffic, and a resolver rule that fails every host name
 * but loopback without a DNS query. Started from a test JVM in {@code tools/loopback-jvm}, both share its
 * loopback-only network namespace.
 *
 * <p>chromedriver's log goes to {@code chromedriver-<n>.log}, by default in the screenshot folder, beside the
 * screenshots.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** System property: the folder for screenshots, page sources and driver logs; {@code target/screenshots} if unset. */
    public static final String SCREENSHOTS = "switchboard.browser.screenshots";

    private static final AtomicInteger STARTED = new AtomicInteger();

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * How to start a browser beyond the defaults.
     *
     * @param logFolder     where chromedriver's log ({@code chromedriver-<n>.log}) goes
     * @param pageHosts     host names the browser may resolve besides {@code 127.0.0.1} and {@code localhost}
     * @param extraSwitches more Chromium switches, e.g. {@code --log-net-log=<file>}
     */
    public record Setup(Path logFolder, List<String> pageHosts, List<String> extraSwitches) {
        public Setup {
            pageHosts = List.copyOf(pageHosts);
            extraSwitches = List.copyOf(extraSwitches);
        }

        /** Logs in the screenshot folder, loopback names only, no extra switches. */
        public static Setup defaults() {
            return new Setup(screenshotFolder(), List.of(), List.of());
        }
    }

    /**
     * Starts chromedriver and, through it, a headless Chromium with a fresh profile, as {@link Setup#defaults()}.
     *
     * @param installation the executables to run
     * @return the running browser; close it
     */
    public static HeadlessChromium start(ChromiumInstallation installation) {
        return start(installation, Setup.defaults());
    }

    /**
     * Starts chromedriver and, through it, a headless Chromium with a fresh profile.
     *
     * @param installation the executables to run
     * @param setup        where the driver logs, which hosts pages come from, extra switches
     * @return the running browser; close it
     */
    public static HeadlessChromium start(ChromiumInstallation installation, Setup setup) {
        Path profile = null;
        ChromeDriverService service = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            Path log = Files.createDirectories(setup.logFolder())
                    .resolve("chromedriver-" + STARTED.incrementAndGet() + ".log");
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(installation.driver().toFile())
                    .usingAnyFreePort()
                    .withLogFile(log.toFile())
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(installation.browser().toFile());
            options.addArguments(switches(profile, setup));
            return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            stopQuietly(service);
            delete(profile);
            throw new UncheckedIOException("Cannot prepare Chromium (" + installation + ")", e);
        } catch (RuntimeException e) {
            stopQuietly(service);
            delete(profile);
            throw e;
        }
    }

    /** The switches: headless, the throw-away profile, and everything that would reach beyond loopback turned off. */
    private static List<String> switches(Path profile, Setup setup) {
        List<String> switches = new ArrayList<>(List.of(
                "--headless=new",
                "--user-data-dir=" + profile,
                "--window-size=1024,768",
                "--disable-gpu",
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
                // Chromium 156 still tries update.googleapis.com with all of the above: fail every name but
                // loopback here, without a DNS query.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
                        + setup.pageHosts().stream()
                                .map(host -> ", EXCLUDE " + host)
                                .collect(Collectors.joining())));
        switches.addAll(setup.extraSwitches());
        if (runsAsRoot()) {
            // Chromium refuses to start as root with its sandbox on (CI containers; "unshare -rn" maps us to uid 0).
            switches.add("--no-sandbox");
        }
        return switches;
    }

    /** The WebDriver of this browser. */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Saves what the browser shows now as {@code <name>.png}, and the page's source as {@code <name>.html}, in the
     * screenshot folder ({@value #SCREENSHOTS}, else {@code target/screenshots}).
     *
     * @param name the file name without extension; characters other than letters, digits, {@code .-_} become
     *             {@code _}
     * @return the PNG file
     */
    public Path saveScreenshot(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path folder = screenshotFolder();
        Path png = folder.resolve(safe + ".png");
        try {
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(safe + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + png, e);
        }
        return png;
    }

    /** Ends the browser and chromedriver, then deletes the profile. Safe to call twice. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            stopQuietly(service);
            delete(profile);
        }
    }

    /** The folder for screenshots, created if missing. */
    static Path screenshotFolder() {
        Path folder = Path.of(System.getProperty(SCREENSHOTS, "target/screenshots"));
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder.toAbsolutePath(), e);
        }
    }

    private static void stopQuietly(ChromeDriverService service) {
        if (service != null && service.isRunning()) {
            service.stop();
        }
    }

    private static void delete(Path profile) {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // Gone already, or half gone: it is in the temporary folder anyway.
        }
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
}
