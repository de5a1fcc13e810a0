package io.switchboard.tck.it;

import io.switchboard.tck.metrics.MeteredEndpoint;
import io.switchboard.tck.metrics.MetricsScenarios;
import io.switchboard.tck.metrics.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The metrics scenario on a real server, scraped where the server publishes metrics: the runner names the place in
 * {@value #SCRAPE} (a path on the application's host and port, such as Payara's {@code /metrics}, or a whole URL,
 * such as WildFly's management {@code /prometheus}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MetricsIT extends MetricsScenarios {

    /** The system property naming the scrape endpoint. */
    static final String SCRAPE = "switchboard.tck.metrics.scrape";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(Deployments.of("metered", MeteredEndpoint.class), CONFIG);
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }

    @Override
    protected PrometheusText scrape() throws IOException {
        return scrapeServerOf(url);
    }

    /**
     * The application metrics of the server a deployment runs on, where the runner says they are published.
     *
     * @param url the deployment's URL
     * @return the scrape
     * @throws IOException if the scrape fails or answers other than 200
     */
    static PrometheusText scrapeServerOf(URL url) throws IOException {
        String where = System.getProperty(SCRAPE);
        if (where == null) {
            throw new IllegalStateException("The runner must set " + SCRAPE);
        }
        URI target = where.startsWith("/")
                ? URI.create(url.getProtocol() + "://" + url.getAuthority() + where)
                : URI.create(where);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(10))
                            .header("Accept", "text/plain")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(
                        "Scrape of " + target + " answered " + response.statusCode() + ": " + response.body());
            }
            return new PrometheusText(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
