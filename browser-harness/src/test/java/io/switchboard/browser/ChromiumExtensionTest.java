package io.switchboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openqa.selenium.By;

/**
 * What {@link ChromiumExtension} does to the tests that use it, watched by running a small test class of its own:
 * a failure leaves a screenshot and the page source; a missing chromedriver skips, or fails where required.
 */
class ChromiumExtensionTest {

    private static final String PAGE = "data:text/html,<h1 id=marker>browser-harness self-test</h1>";

    @Test
    void aFailedTestLeavesItsScreenshotAndPageSource() throws Exception {
        TestExecutionSummary summary = run(FailsOnAPage.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Path folder = HeadlessChromium.screenshotFolder();
        Path png = folder.resolve("FailsOnAPage.showsThePageThenFails-failed.png");
        assertThat(png).isNotEmptyFile();
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(folder.resolve("FailsOnAPage.showsThePageThenFails-failed.html"))
                .content()
                .contains("browser-harness self-test");
    }

    @Test
    void aMissingDriverSkipsTheTestOrFailsItWhereRequired() {
        String driver = System.getProperty(ChromiumInstallation.DRIVER);
        String required = System.getProperty(ChromiumInstallation.REQUIRED);
        try {
            System.setProperty(ChromiumInstallation.DRIVER, "/nonexistent/chromedriver");
            System.setProperty(ChromiumInstallation.REQUIRED, "false");
            TestExecutionSummary skipped = run(FailsOnAPage.class);
            assertThat(skipped.getTestsAbortedCount()).isEqualTo(1);
            assertThat(skipped.getTestsFailedCount()).isZero();

            System.setProperty(ChromiumInstallation.REQUIRED, "true");
            TestExecutionSummary failed = run(FailsOnAPage.class);
            assertThat(failed.getTestsFailedCount()).isEqualTo(1);
            assertThat(failed.getFailures().get(0).getException())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("chromedriver")
                    .hasMessageContaining(ChromiumInstallation.REQUIRED);
        } finally {
            restore(ChromiumInstallation.DRIVER, driver);
            restore(ChromiumInstallation.REQUIRED, required);
        }
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(testClass))
                                .build(),
                        listener);
        return listener.getSummary();
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** Run only by the tests above: opens a page, then fails. */
    @ExtendWith(ChromiumExtension.class)
    static class FailsOnAPage {

        @Test
        void showsThePageThenFails(HeadlessChromium browser) {
            browser.driver().get(PAGE);
            assertThat(browser.driver().findElement(By.id("marker")).getText()).isEqualTo("browser-harness self-test");
            throw new AssertionError("fails on purpose, to leave a screenshot");
        }
    }
}
