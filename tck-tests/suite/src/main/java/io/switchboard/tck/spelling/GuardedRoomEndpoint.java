package io.switchboard.tck.spelling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** For users in the {@code chat} role, at a path with a parameter. */
@ServerEndpoint("/spell/chat/{room}")
@RolesAllowed("chat")
public class GuardedRoomEndpoint {

    @OnOpen
    public void opened() {
        SpellingLog.GUARDED_OPENS.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "GuardedRoomEndpoint:" + text;
    }
}
