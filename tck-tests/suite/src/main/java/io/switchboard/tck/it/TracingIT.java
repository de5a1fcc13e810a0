package io.switchboard.tck.it;

import io.switchboard.tck.tracing.RecordedSpan;
import io.switchboard.tck.tracing.TracedEndpoint;
import io.switchboard.tck.tracing.TracingScenarios;
import io.switchboard.tck.tracing.otlp.OtlpCollector;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tracing scenario on a real server: the WAR turns the server's MicroProfile Telemetry on for itself and points
 * its OTLP exporter ({@code http/protobuf}) at a collector this test runs on the loopback interface. The collector
 * starts before the deployment is built, so that its port can go into the WAR's configuration.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TracingIT extends TracingScenarios {

    private static final OtlpCollector COLLECTOR = OtlpCollector.start();

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(
                Deployments.of("traced", TracedEndpoint.class), CONFIG + COLLECTOR.config("switchboard-tracing-it"));
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.close();
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }

    @Override
    protected List<RecordedSpan> spans() {
        return COLLECTOR.spans();
    }
}
