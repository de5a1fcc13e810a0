package io.switchboard.tck.it;

import io.switchboard.tck.limits.LimitedWholeEndpoint;
import io.switchboard.tck.limits.SizeLimitScenarios;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The size limit scenarios on a real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SizeLimitsIT extends SizeLimitScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("limits", LimitedWholeEndpoint.class);
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
