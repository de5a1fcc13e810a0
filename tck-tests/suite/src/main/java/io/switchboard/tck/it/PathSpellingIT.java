package io.switchboard.tck.it;

import io.switchboard.tck.security.SecurityConfig;
import io.switchboard.tck.spelling.SpellingScenarios;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The path-spelling corpus on a real server: the container's own path matching, Switchboard's filter around it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PathSpellingIT extends SpellingScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(
                Deployments.of("spelling", SpellingScenarios.class),
                SecurityConfig.text(Map.of("switchboard.AnyUserEndpoint.roles-allowed", "**")));
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
