package io.switchboard.tck.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** Any authenticated user ({@code **}). */
@ServerEndpoint("/secure/members")
@RolesAllowed("**")
public class MembersEndpoint {

    @OnOpen
    public void opened() {
        SecurityLog.OPENED.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "member:" + text;
    }
}
