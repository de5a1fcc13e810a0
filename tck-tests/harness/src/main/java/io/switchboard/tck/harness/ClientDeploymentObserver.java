package io.switchboard.tck.harness;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.TestClass;

/**
 * Arquillian applies {@code ApplicationArchiveProcessor}s only to testable deployments. The suite's deployments are
 * mostly {@code @Deployment(testable = false)}, so this applies the same processor to those just before they deploy.
 */
public class ClientDeploymentObserver {

    @Inject
    private Instance<TestClass> testClass;

    public void addSwitchboard(@Observes BeforeDeploy event) {
        DeploymentDescription deployment = event.getDeployment();
        if (deployment.isArchiveDeployment() && !deployment.testable()) {
            new SwitchboardArchiveProcessor().process(deployment.getArchive(), testClass.get());
        }
    }
}
