package io.switchboard.tck.it;

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

/**
 * The conformance scenarios on a real server, deployed without Switchboard: the baseline. Where the container
 * itself departs from the specifications, the overrides below say so; Switchboard's runs hold it to the spec.
 */
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
        assertThat(probe("switchboard")).isEqualTo("absent");
    }

    /** WildFly 39 (Undertow) calls an endpoint's {@code @PreDestroy} twice per connection; Switchboard once. */
    @Override
    protected int preDestroyCallsPerConnection() {
        return undertow() ? 2 : 1;
    }

    /** WildFly 39 (Undertow) passes the {@code NumberFormatException}; Switchboard, as the spec says, a DecodeException. */
    @Override
    protected String primitiveConversionError() {
        return undertow() ? "NumberFormatException" : "DecodeException";
    }

    /** WildFly 39 (Undertow) shares an {@code @ApplicationScoped} endpoint's instance; Switchboard does not. */
    @Override
    protected boolean normalScopedEndpointShared() {
        return undertow();
    }

    private boolean undertow() {
        return probe("container").equals("undertow");
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
