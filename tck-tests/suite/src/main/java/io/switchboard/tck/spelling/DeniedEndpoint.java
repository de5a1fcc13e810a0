package io.switchboard.tck.spelling;

import jakarta.annotation.security.DenyAll;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** For no one. */
@ServerEndpoint("/spell/denied")
@DenyAll
public class DeniedEndpoint {

    @OnOpen
    public void opened() {
        SpellingLog.GUARDED_OPENS.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "DeniedEndpoint:" + text;
    }
}
