package io.switchboard.tck.it;

import io.switchboard.tck.security.rotation.KeyRotationScenarios;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The key rotation scenarios on a real server, which fetches its keys from the test's JWKS server on 127.0.0.1 (the
 * server runs in the test's network namespace; the port is chosen when the deployment is built).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class KeyRotationIT extends KeyRotationScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(Deployments.of("rotation", KeyRotationScenarios.class), configText());
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
