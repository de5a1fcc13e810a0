package io.switchboard.tck.it;

import io.switchboard.tck.unguarded.disabled.DisabledDeniedEndpoint;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An endpoint with {@code @DenyAll} and {@code switchboard.<id>.enabled=false}: the deployment fails. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class UnguardedDisabledIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Deployments.withConfig(
                Deployments.of("unguarded-disabled", DisabledDeniedEndpoint.class),
                "switchboard.DisabledDeniedEndpoint.enabled=false\n");
    }

    @Test
    void theServerRefusesTheDeployment() {
        // Arquillian checked that deploying failed; the message is checked by impl's UnguardedRulesTest.
    }
}
