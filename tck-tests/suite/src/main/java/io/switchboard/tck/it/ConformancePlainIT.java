package io.switchboard.tck.it;

import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.conformance.ConformanceScenarios;
import io.switchboard.tck.conformance.EchoEndpoint;
import io.switchboard.tck.harness.WithoutSwitchboard;
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

/** The conformance scenarios on a real server, deployed without Switchboard: the baseline. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@WithoutSwitchboard
public class ConformancePlainIT extends ConformanceScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("conformance", EchoEndpoint.class);
    }

    @Test
    void harnessDeployedTheWarAsIntended() {
        try (TestClient probe = TestClient.connect(uri("probe"))) {
            assertThat(probe.ask("switchboard")).isEqualTo("absent");
        }
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
