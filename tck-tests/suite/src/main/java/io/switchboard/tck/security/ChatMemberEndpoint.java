package io.switchboard.tck.security;

import io.switchboard.OpenSessions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** For users in the {@code chat} role; answers {@code whoami}, echoes the rest. */
@ServerEndpoint("/secure/chat")
@RolesAllowed("chat")
public class ChatMemberEndpoint {

    @Inject
    OpenSessions sessions;

    @OnOpen
    public void opened() {
        SecurityLog.OPENED.incrementAndGet();
    }

    @OnMessage
    public String message(String text, Session session) {
        return text.equals("whoami") ? WhoAmI.describe(session, sessions) : "echo:" + text;
    }
}
