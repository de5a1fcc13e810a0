package io.switchboard.tck.it;

import io.switchboard.tck.conformance.EchoEndpoint;
import io.switchboard.tck.harness.WithoutSwitchboard;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The conformance scenarios on a real server, deployed without Switchboard: the baseline. Where the container
 * itself departs from the specifications, the overrides below say so; Switchboard's runs hold it to the spec.
 */
@WithoutSwitchboard
public class ConformancePlainIT extends ContainerConformance {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("conformance", EchoEndpoint.class);
    }

    @Override
    protected boolean withSwitchboard() {
        return false;
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
}
