package io.switchboard.tck.it;

import io.switchboard.tck.metrics.PrometheusText;
import io.switchboard.tck.reconnecting.ReconnectingClientScenarios;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reconnecting client on a real server, as the server's own JSR 356 client (Tyrus in Payara, Undertow in
 * WildFly), injected by name and connecting back to the same server. Metrics are scraped where {@link MetricsIT}
 * scrapes them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ReconnectingClientIT extends ReconnectingClientScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(Deployments.of(WAR, ReconnectingClientScenarios.class), config())
                // By name: the test JVM has no CDI API to load OwnAddress with.
                .addAsServiceProvider(
                        "jakarta.enterprise.inject.spi.Extension", "io.switchboard.tck.reconnecting.OwnAddress")
                // An archive with an extension and no beans.xml is no bean archive (CDI 4.0, 12.1).
                .addAsWebInfResource(
                        new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                                + " bean-discovery-mode=\"annotated\"/>\n"),
                        "beans.xml");
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }

    @Override
    protected PrometheusText scrape() throws IOException {
        return MetricsIT.scrapeServerOf(url);
    }
}
