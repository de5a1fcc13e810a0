package io.switchboard.tck.unguarded.permitted;

import io.switchboard.Untracked;
import jakarta.annotation.security.PermitAll;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Left to the container, and declared open: no default rule applies to it. */
@ServerEndpoint("/unguarded/permitted")
@Untracked
@PermitAll
public class PermittedUntrackedEndpoint {

    @OnMessage
    public String echo(String text) {
        return "PermittedUntrackedEndpoint:" + text;
    }
}
