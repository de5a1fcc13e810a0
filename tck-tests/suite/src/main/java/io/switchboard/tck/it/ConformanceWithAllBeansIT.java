package io.switchboard.tck.it;

import io.switchboard.tck.conformance.EchoEndpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The conformance scenarios on a real server, deployed with Switchboard, every class a bean (beans.xml all). */
public class ConformanceWithAllBeansIT extends ContainerConformance {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withAllBeans(Deployments.of("conformance-all", EchoEndpoint.class));
    }

    @Override
    protected boolean withSwitchboard() {
        return true;
    }
}
