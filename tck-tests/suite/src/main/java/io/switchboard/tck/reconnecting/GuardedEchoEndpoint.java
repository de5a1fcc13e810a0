package io.switchboard.tck.reconnecting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Where the {@code guarded} client connects: only with a token in the {@code chat} role. */
@ServerEndpoint("/guarded/echo")
@RolesAllowed("chat")
public class GuardedEchoEndpoint {

    @OnMessage
    public String text(String text) {
        return "guarded:" + text;
    }
}
