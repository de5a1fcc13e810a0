package io.switchboard.tck.it;

import io.switchboard.tck.metrics.PrometheusText;
import io.switchboard.tck.transaction.OrderDesk;
import io.switchboard.tck.transaction.TransactionalSendsScenarios;
import io.switchboard.tck.transaction.feed.OrderFeedEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends that follow the transaction on a real server: the server's JTA, its default data source (H2 on both) through
 * JPA, {@code @Transactional} on a CDI bean.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TransactionalSendsIT extends TransactionalSendsScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("transactions", OrderDesk.class, OrderFeedEndpoint.class)
                .addAsResource("transaction/persistence.xml", "META-INF/persistence.xml");
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
