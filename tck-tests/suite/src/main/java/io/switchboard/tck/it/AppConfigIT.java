package io.switchboard.tck.it;

import io.switchboard.tck.appconfig.AppConfigEchoEndpoint;
import io.switchboard.tck.appconfig.AppConfigScenarios;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** A WAR with its own {@code ServerApplicationConfig}, on a real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class AppConfigIT extends AppConfigScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("appconfig", AppConfigEchoEndpoint.class);
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
