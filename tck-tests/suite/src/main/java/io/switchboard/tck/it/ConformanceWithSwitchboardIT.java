package io.switchboard.tck.it;

import io.switchboard.tck.conformance.EchoEndpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The conformance scenarios on a real server, deployed with Switchboard, the WAR without beans.xml. */
public class ConformanceWithSwitchboardIT extends ContainerConformance {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("conformance", EchoEndpoint.class);
    }

    @Override
    protected boolean withSwitchboard() {
        return true;
    }
}
