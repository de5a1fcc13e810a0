package io.switchboard.tck.it;

import io.switchboard.tck.rooms.DeadPeerScenarios;
import io.switchboard.tck.rooms.RoomChatEndpoint;
import io.switchboard.tck.rooms.RoomScenarios;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dead-peer scenarios on a real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DeadPeersIT extends DeadPeerScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(Deployments.of("deadpeers", RoomChatEndpoint.class), RoomScenarios.CONFIG);
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }
}
