/**
 * Headless Chromium for tests through Selenium WebDriver, with nothing downloaded and nothing sent off the machine:
 * {@link io.switchboard.browser.ChromiumInstallation} finds Debian's {@code chromium} and {@code chromedriver} (or
 * skips the test), {@link io.switchboard.browser.HeadlessChromium} runs one browser with a throw-away profile, and
 * {@link io.switchboard.browser.ChromiumExtension} hands it to a JUnit 5 test and keeps a screenshot of a failure.
 */
package io.switchboard.browser;
