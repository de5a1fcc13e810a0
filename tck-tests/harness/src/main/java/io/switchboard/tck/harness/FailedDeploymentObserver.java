package io.switchboard.tck.harness;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Payara Micro's Arquillian adapter reports a WAR that failed to start as deployed, with no servlets: a test would
 * then run against nothing, and {@code @ShouldThrowException} could never hold. This reports it as the failed
 * deployment it is, as WildFly's adapter does. (A WAR that Payara Micro did start always lists its {@code default}
 * servlet.)
 */
public class FailedDeploymentObserver {

    @Inject
    private Instance<ProtocolMetaData> metaData;

    public void failIfNothingStarted(@Observes AfterDeploy event) throws DeploymentException {
        if (!event.getDeployableContainer().getClass().getName().contains("PayaraMicro")
                || !event.getDeployment().isArchiveDeployment()) {
            return;
        }
        ProtocolMetaData found = metaData.get();
        boolean serves = found != null
                && found.getContexts(HTTPContext.class).stream()
                        .anyMatch(context -> !context.getServlets().isEmpty());
        if (!serves) {
            throw new DeploymentException("Payara Micro started nothing of "
                    + event.getDeployment().getName() + " ("
                    + event.getDeployment().getArchive().getName() + "): the deployment failed; its log is above");
        }
    }
}
