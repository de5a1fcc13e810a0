package io.switchboard.samples.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.browser.ChromiumExtension;
import io.switchboard.browser.HeadlessChromium;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium: it goes live, counts ticks as they arrive and redraws its chart, and comes back
 * after its connection drops.
 */
@ExtendWith(ChromiumExtension.class)
class TickerPageIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A checksum of the chart's pixels, read in the page with {@code getImageData}. */
    private static final String CHART_CHECKSUM = """
            const canvas = document.getElementById('chart');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let sum = 0;
            for (let i = 0; i < pixels.length; i++) { sum = (sum * 31 + pixels[i]) % 2147483647; }
            return sum;""";

    @Test
    void thePageGoesLiveCountsTicksAndTheChartMoves(HeadlessChromium browser) throws Exception {
        WebDriver page = browser.driver();
        page.get(RunningTicker.page().toString());
        WebDriverWait wait = new WebDriverWait(page, WAIT);

        wait.until(driver -> "live".equals(status(driver)));
        wait.until(driver -> ticks(driver) >= 5);
        long ticksBefore = ticks(page);
        Object chartBefore = ((JavascriptExecutor) page).executeScript(CHART_CHECKSUM);

        wait.until(driver -> ticks(driver) >= ticksBefore + 10);
        Object chartAfter = ((JavascriptExecutor) page).executeScript(CHART_CHECKSUM);

        assertThat(chartAfter).as("the chart's pixels after ten more ticks").isNotEqualTo(chartBefore);
        assertThat(page.findElement(By.id("price")).getText()).matches("\\d+\\.\\d{2}");
        assertThat(page.findElement(By.id("status")).getAttribute("data-state")).isEqualTo("live");

        // Ten seconds of ticks fill the chart's width: the screenshot the README shows.
        wait.until(driver -> ticks(driver) >= 100);
        assertThat(browser.saveScreenshot("ticker")).isNotEmptyFile();
    }

    @Test
    void afterADropThePageReconnectsAndTicksResume(HeadlessChromium browser) throws Exception {
        WebDriver page = browser.driver();
        page.get(RunningTicker.page().toString());
        WebDriverWait wait = new WebDriverWait(page, WAIT);
        wait.until(driver -> "live".equals(status(driver)) && ticks(driver) >= 3);

        page.findElement(By.id("drop")).click();

        // The first retry waits a random 0 to 0.5 s (full jitter), then the page is live again.
        wait.until(driver -> "1".equals(driver.findElement(By.id("reconnects")).getText()));
        wait.until(driver -> "live".equals(status(driver)));
        long ticksAfterReconnect = ticks(page);
        wait.until(driver -> ticks(driver) >= ticksAfterReconnect + 10);
        assertThat(page.findElement(By.id("reconnects")).getText()).isEqualTo("1");
    }

    private static String status(WebDriver page) {
        return page.findElement(By.id("status")).getAttribute("data-state");
    }

    private static long ticks(WebDriver page) {
        return Long.parseLong(page.findElement(By.id("ticks")).getText().trim());
    }
}
