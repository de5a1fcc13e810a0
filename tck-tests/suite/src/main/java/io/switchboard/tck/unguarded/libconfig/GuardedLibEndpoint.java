package io.switchboard.tck.unguarded.libconfig;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Deployed by a {@code ServerApplicationConfig} from a library jar, yet it says only chat users may connect. */
@ServerEndpoint("/unguarded/lib")
@RolesAllowed("chat")
public class GuardedLibEndpoint {

    @OnMessage
    public String echo(String text) {
        return "GuardedLibEndpoint:" + text;
    }
}
