package io.switchboard.tck.spelling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** For users in the {@code chat} role; overlaps {@link OpenPairEndpoint}, and wins {@code /spell/x/b} by the precedence of Jakarta WebSocket (the literal segment further left). */
@ServerEndpoint("/spell/x/{c}")
@RolesAllowed("chat")
public class GuardedPairEndpoint {

    @OnOpen
    public void opened() {
        SpellingLog.GUARDED_OPENS.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "GuardedPairEndpoint:" + text;
    }
}
