package io.switchboard.tck.it;

import io.switchboard.tck.conformance.ConformanceScenarios;
import io.switchboard.tck.conformance.EchoEndpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** The conformance scenarios on a real server, deployed with Switchboard, the WAR without beans.xml. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ConformanceWithSwitchboardIT extends ConformanceScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("conformance", EchoEndpoint.class);
    }

    @Test
    void harnessDeployedTheWarAsIntended() {
        assertThat(probe("switchboard")).isEqualTo("present");
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
