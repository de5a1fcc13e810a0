package io.switchboard.tck.it;

import io.switchboard.tck.unguarded.libconfig.GuardedLibEndpoint;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code @RolesAllowed} endpoint deployed by a {@code ServerApplicationConfig} in a library jar: the deployment
 * fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class UnguardedLibraryAppConfigIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        // By package name: loading the config class here would need the WebSocket API on the test's classpath.
        return Deployments.of("unguarded-libconfig", GuardedLibEndpoint.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "appconfig.jar")
                        .addPackage("io.switchboard.tck.unguarded.libconfig.jar"));
    }

    @Test
    void theServerRefusesTheDeployment() {
        // Arquillian checked that deploying failed; the message is checked by impl's UnguardedRulesTest.
    }
}
