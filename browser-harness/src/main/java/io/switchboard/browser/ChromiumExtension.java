package io.switchboard.browser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives a test method a {@link HeadlessChromium} parameter, started for that test and closed after it, and saves a
 * screenshot and the page source of a test that fails ({@code <TestClass>.<method>-failed.png} and {@code .html}
 * in the screenshot folder, {@code target/screenshots} unless {@value HeadlessChromium#SCREENSHOTS} says otherwise).
 *
 * <pre>{@code
 * @ExtendWith(ChromiumExtension.class)
 * class TickerPageIT {
 *     @Test
 *     void chartMoves(HeadlessChromium browser) { ... browser.saveScreenshot("ticker"); }
 * }
 * }</pre>
 *
 * <p>Without Chromium or chromedriver every test of the class is skipped, or fails where
 * {@value ChromiumInstallation#REQUIRED} is true: see {@link ChromiumInstallation#require()}.
 */
public final class ChromiumExtension
        implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ChromiumExtension.class);
    private static final String INSTALLATION = "installation";
    private static final String BROWSER = "browser";

    @Override
    public void beforeEach(ExtensionContext context) {
        // Here, not in resolveParameter: JUnit turns an aborted assumption into a skip only outside parameter
        // resolution.
        context.getStore(NAMESPACE).put(INSTALLATION, ChromiumInstallation.require());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HeadlessChromium.class;
    }

    @Override
    public HeadlessChromium resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        HeadlessChromium browser = store.get(BROWSER, HeadlessChromium.class);
        if (browser == null) {
            browser = HeadlessChromium.start(store.get(INSTALLATION, ChromiumInstallation.class));
            store.put(BROWSER, browser);
        }
        return browser;
    }

    /** Runs before {@code @AfterEach} and {@link #afterEach}: the browser still shows the page that failed. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        HeadlessChromium browser = context.getStore(NAMESPACE).get(BROWSER, HeadlessChromium.class);
        if (browser != null) {
            try {
                browser.saveScreenshot(context.getRequiredTestClass().getSimpleName() + "."
                        + context.getRequiredTestMethod().getName() + "-failed");
            } catch (RuntimeException screenshotFailed) {
                failure.addSuppressed(screenshotFailed);
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        HeadlessChromium browser = context.getStore(NAMESPACE).remove(BROWSER, HeadlessChromium.class);
        if (browser != null) {
            browser.close();
        }
    }
}
