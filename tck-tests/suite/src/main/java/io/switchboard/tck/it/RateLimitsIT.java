package io.switchboard.tck.it;

import io.switchboard.tck.ratelimit.RateLimitScenarios;
import io.switchboard.tck.ratelimit.ThrottledRoomEndpoint;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rate limit scenarios on a real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class RateLimitsIT extends RateLimitScenarios {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        // A short heartbeat: a session whose end the container never reports (seen once on WildFly) is gone soon.
        return Deployments.withConfig(
                Deployments.of("ratelimits", ThrottledRoomEndpoint.class),
                io.switchboard.tck.rooms.RoomScenarios.CONFIG);
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }

    @Override
    protected boolean servletContainer() {
        return true;
    }
}
