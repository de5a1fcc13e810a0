package io.switchboard.tck.it;

import io.switchboard.tck.appconfig.EveryEndpointConfig;
import io.switchboard.tck.unguarded.appconfig.GuardedAppEndpoint;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code @RolesAllowed} endpoint that the application's own {@code ServerApplicationConfig} deploys: the deployment
 * fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class UnguardedAppConfigIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        // The application's config deploys every endpoint the container scans, this one included.
        return Deployments.of("unguarded-appconfig", GuardedAppEndpoint.class).addClass(EveryEndpointConfig.class);
    }

    @Test
    void theServerRefusesTheDeployment() {
        // Arquillian checked that deploying failed; the message is checked by impl's UnguardedRulesTest.
    }
}
