package io.switchboard.tck.security;

import jakarta.annotation.security.DenyAll;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** No one may connect. */
@ServerEndpoint("/secure/closed")
@DenyAll
public class ClosedEndpoint {

    @OnOpen
    public void opened() {
        SecurityLog.OPENED.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
