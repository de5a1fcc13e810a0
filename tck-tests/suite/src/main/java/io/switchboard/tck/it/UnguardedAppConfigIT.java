package io.switchboard.tck.it;

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
        // The suite's EveryEndpointConfig deploys every endpoint the container scans, this one included. Added by
        // package name: loading the config class here would need the WebSocket API on the test's classpath.
        return Deployments.of("unguarded-appconfig", GuardedAppEndpoint.class)
                .addPackage("io.switchboard.tck.appconfig");
    }

    @Test
    void theServerRefusesTheDeployment() {
        // Arquillian checked that deploying failed; the message is checked by impl's UnguardedRulesTest.
    }
}
