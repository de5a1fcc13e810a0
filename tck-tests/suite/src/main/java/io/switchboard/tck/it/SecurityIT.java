package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.browser.Browser;
import io.switchboard.tck.security.SecurityConfig;
import io.switchboard.tck.security.SecurityScenarios;
import io.switchboard.tck.security.tokens.TestTokens;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The security scenarios on a real server: the handshake filter refuses before the upgrade. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SecurityIT extends SecurityScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withBrowserPages(
                Deployments.withConfig(
                        Deployments.of("security", SecurityScenarios.class), SecurityConfig.text(Map.of())),
                "token.html");
    }

    @Test
    void aBrowserCarriesItsTokenInTheSubprotocolAndNeverSeesItEchoed() throws MalformedURLException {
        String token = TestTokens.forUser("zoe", "chat").sign();
        Browser.Report report = Browser.visit(new URL(url, "browser/token.html"), Map.of("token", token));

        assertThat(report.lines()).startsWith("open", "protocol " + TestTokens.MARKER);
        assertThat(report.messages()).hasSize(2);
        assertThat(report.messages().get(0)).contains("session=zoe", "tracked=zoe", "parameter=zoe");
        assertThat(report.messages().get(1)).isEqualTo("echo:hi");
        assertThat(report.closeCode()).isEqualTo(1000);
    }

    @Test
    void theSamePageWithoutATokenIsRefused() throws MalformedURLException {
        String opened = probe("opened");
        Browser.Report report = Browser.visit(new URL(url, "browser/token.html"), Map.of());

        assertThat(report.lines()).containsExactly("error", "close 1006");
        assertThat(probe("opened")).isEqualTo(opened);
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }

    @Override
    protected boolean servletContainer() {
        return true;
    }
}
