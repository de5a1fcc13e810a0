package io.switchboard.tck.it;

import io.switchboard.tck.gather.BurstEndpoint;
import io.switchboard.tck.gather.GatheredWriteScenarios;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gathered writes on a real server: Tyrus's gathered frames on Payara, Undertow's batches on WildFly. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class GatheredWritesIT extends GatheredWriteScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(Deployments.of("gather", BurstEndpoint.class), CONFIG);
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
