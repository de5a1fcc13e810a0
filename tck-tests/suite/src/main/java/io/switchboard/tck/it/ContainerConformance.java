package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.conformance.ConformanceScenarios;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance scenarios against a deployment on a real server. Each subclass supplies the deployment
 * (a static {@code @Deployment} method) and says whether the harness was to put Switchboard in it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ContainerConformance extends ConformanceScenarios {

    @ArquillianResource
    URL url;

    /** Whether this deployment holds Switchboard. */
    protected abstract boolean withSwitchboard();

    @Test
    void harnessDeployedTheWarAsIntended() {
        assertThat(probe("switchboard")).isEqualTo(withSwitchboard() ? "present" : "absent");
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
