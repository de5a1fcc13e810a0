package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.browser.Browser;
import io.switchboard.tck.conformance.EchoEndpoint;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Headless Chromium as the client: a page of the test WAR talks to the WAR's echo endpoint, and a handshake the
 * server refuses is visible to the page. Proves {@link Browser} on each container before tests rely on it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class BrowserSmokeIT {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withBrowserPages(Deployments.of("browser-smoke", EchoEndpoint.class), "echo.html");
    }

    @Test
    void pageTalksToTheEndpointAndClosesWithItsOwnCode() throws MalformedURLException {
        Browser.Report report = Browser.visit(new URL(url, "browser/echo.html"), Map.of());

        assertThat(report.lines()).hasSize(4).startsWith("open", "message echo:hello", "message echo:grüße, 世界 🌍");
        // The page's own close code comes back: the server answered the page's close frame with the same code.
        assertThat(report.closeCode()).isEqualTo(4000);
    }

    @Test
    void refusedHandshakeIsAnErrorAndAnAbnormalClose() throws MalformedURLException {
        // No endpoint at this path: the server answers the upgrade with an HTTP status, which a page never sees.
        Browser.Report report = Browser.visit(new URL(url, "browser/echo.html"), Map.of("path", "no-such-endpoint"));

        assertThat(report.lines()).containsExactly("error", "close 1006");
    }
}
