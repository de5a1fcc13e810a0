package io.switchboard.tck.it;

import io.switchboard.tck.unguarded.untracked.UntrackedAdminEndpoint;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An {@code @Untracked} endpoint with {@code @RolesAllowed}: nothing would check it, so the deployment fails. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class UnguardedUntrackedIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return Deployments.of("unguarded-untracked", UntrackedAdminEndpoint.class);
    }

    @Test
    void theServerRefusesTheDeployment() {
        // Arquillian checked that deploying failed; the message is checked by impl's UnguardedRulesTest.
    }
}
