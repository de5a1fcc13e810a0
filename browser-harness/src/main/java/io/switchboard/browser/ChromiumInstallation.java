package io.switchboard.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The Chromium and the chromedriver a test drives, both found on this machine: Debian's {@code chromium} and
 * {@code chromium-driver} packages, or the executables named by the system properties {@value #BROWSER} and
 * {@value #DRIVER}. Nothing is ever downloaded: without them the calling test is skipped, or fails where
 * {@value #REQUIRED} is {@code true} (CI sets it).
 *
 * @param browser the Chromium executable
 * @param driver  the chromedriver executable, of the same major version as the browser
 */
public record ChromiumInstallation(Path browser, Path driver) {

    /** System property: the Chromium (or Chrome) executable instead of the first one on the {@code PATH}. */
    public static final String BROWSER = "switchboard.tck.chromium";

    /** System property: the chromedriver executable instead of the first one on the {@code PATH}. */
    public static final String DRIVER = "switchboard.tck.chromedriver";

    /** System property: {@code true} makes a missing Chromium or chromedriver fail the test instead of skipping it. */
    public static final String REQUIRED = "switchboard.tck.chromium.required";

    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> DRIVER_NAMES = List.of("chromedriver");

    /**
     * Finds both executables, or ends the calling test: skipped, or failed where {@value #REQUIRED} is true. Call it
     * where JUnit turns an aborted assumption into a skip (a test method, {@code @BeforeEach} or a before-each
     * callback).
     *
     * @return the installation
     */
    public static ChromiumInstallation require() {
        Optional<Path> browser = find(BROWSER, BROWSER_NAMES);
        Optional<Path> driver = find(DRIVER, DRIVER_NAMES);
        if (browser.isPresent() && driver.isPresent()) {
            return new ChromiumInstallation(browser.get(), driver.get());
        }
        String missing =
                "No " + (browser.isEmpty() ? "Chromium (none of " + BROWSER_NAMES + ", -D" + BROWSER + ")" : "")
                        + (browser.isEmpty() && driver.isEmpty() ? " and no " : "")
                        + (driver.isEmpty() ? "chromedriver (" + DRIVER_NAMES + ", -D" + DRIVER + ")" : "");
        if (Boolean.getBoolean(REQUIRED)) {
            throw new AssertionError(missing + ", but " + REQUIRED + " is true");
        }
        String skipped = missing + "; browser tests are skipped (apt-get install chromium chromium-driver)";
        // Failsafe's summary only counts skipped tests: the reason goes to the build log too.
        Logger.getLogger(ChromiumInstallation.class.getName()).warning(skipped);
        return Assumptions.abort(skipped);
    }

    private static Optional<Path> find(String property, List<String> names) {
        String named = System.getProperty(property, "");
        if (!named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        return names.stream()
                .map(ChromiumInstallation::onPath)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
