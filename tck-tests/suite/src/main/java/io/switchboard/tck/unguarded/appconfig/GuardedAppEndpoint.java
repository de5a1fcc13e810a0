package io.switchboard.tck.unguarded.appconfig;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Deployed by the application's own {@code ServerApplicationConfig}, yet it says only chat users may connect. */
@ServerEndpoint("/unguarded/app")
@RolesAllowed("chat")
public class GuardedAppEndpoint {

    @OnMessage
    public String echo(String text) {
        return "GuardedAppEndpoint:" + text;
    }
}
