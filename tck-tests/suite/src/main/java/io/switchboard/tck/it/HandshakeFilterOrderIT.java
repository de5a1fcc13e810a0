package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.tracking.QuietEndpoint;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Switchboard's handshake filter runs before the container's upgrade. On Payara the order of Tyrus's initializer
 * and Switchboard's varies between boots, and a filter registered after Tyrus's missed upgrades on some boots;
 * the remote address reaches a session only through the filter. Each subclass is one more deployment (on Payara
 * Micro, one more boot: the adapter starts a server per test class).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class HandshakeFilterOrderIT {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.of("filter-order", QuietEndpoint.class);
    }

    @RepeatedTest(3)
    void everyUpgradePassesTheFilterFirst() {
        URI base = Deployments.webSocketBase(url);
        try (TestClient client = TestClient.connect(base.resolve("quiet/order"));
                TestClient probe = TestClient.connect(base.resolve("tracking-probe"))) {
            assertThat(client.ask("x")).isEqualTo("order:x");
            assertThat(probe.ask("sessions")).contains("|remote=127.0.0.1:");
        }
    }
}
