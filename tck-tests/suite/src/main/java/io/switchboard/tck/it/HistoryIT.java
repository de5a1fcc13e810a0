package io.switchboard.tck.it;

import io.switchboard.tck.history.HistoryEndpoint;
import io.switchboard.tck.history.HistoryScenarios;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The history scenarios on a real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class HistoryIT extends HistoryScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("history", HistoryEndpoint.class);
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
