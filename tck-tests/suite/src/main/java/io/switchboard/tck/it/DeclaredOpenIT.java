package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.unguarded.permitted.PermittedUntrackedEndpoint;
import io.switchboard.tck.unguarded.plain.PlainUntrackedEndpoint;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Endpoints Switchboard leaves to the container deploy under a default rule when they say they are open
 * ({@code @PermitAll}, {@code switchboard.<id>.roles-allowed=*}), and anyone connects to them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DeclaredOpenIT {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(
                Deployments.of("declared-open", PlainUntrackedEndpoint.class, PermittedUntrackedEndpoint.class), """
                switchboard.default.roles-allowed=chat
                switchboard.PlainUntrackedEndpoint.roles-allowed=*
                """);
    }

    @Test
    void endpointsThatSayTheyAreOpenDeployAndAdmitAnyone() {
        try (TestClient plain =
                        TestClient.connect(Deployments.webSocketBase(url).resolve("unguarded/plain"));
                TestClient permitted =
                        TestClient.connect(Deployments.webSocketBase(url).resolve("unguarded/permitted"))) {
            assertThat(plain.ask("x")).isEqualTo("PlainUntrackedEndpoint:x");
            assertThat(permitted.ask("y")).isEqualTo("PermittedUntrackedEndpoint:y");
        }
    }
}
