package io.switchboard.tck.spelling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** For users in the {@code chat} role, at a path without parameters. */
@ServerEndpoint("/spell/secure")
@RolesAllowed("chat")
public class GuardedExactEndpoint {

    @OnOpen
    public void opened() {
        SpellingLog.GUARDED_OPENS.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "GuardedExactEndpoint:" + text;
    }
}
