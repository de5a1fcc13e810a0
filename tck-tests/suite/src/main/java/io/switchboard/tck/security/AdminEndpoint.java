package io.switchboard.tck.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** For users in the {@code admin} role only. */
@ServerEndpoint("/secure/admin")
@RolesAllowed("admin")
public class AdminEndpoint {

    @OnOpen
    public void opened() {
        SecurityLog.OPENED.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "admin:" + text;
    }
}
