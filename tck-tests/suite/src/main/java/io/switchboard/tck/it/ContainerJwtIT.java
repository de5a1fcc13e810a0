package io.switchboard.tck.it;

import io.switchboard.tck.security.ContainerJwtScenarios;
import io.switchboard.tck.security.SecurityConfig;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The security endpoints in a deployment where the server's own MP-JWT is on. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ContainerJwtIT extends ContainerJwtScenarios {

    private static final String CONTAINER_PACKAGE = "io.switchboard.tck.security.container";

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        // The application class is named, not loaded: the JAX-RS and MP-JWT APIs exist only on the server.
        return Deployments.withConfig(
                Deployments.of("container-jwt", ContainerJwtScenarios.class).addPackage(CONTAINER_PACKAGE),
                SecurityConfig.text(Map.of()));
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
