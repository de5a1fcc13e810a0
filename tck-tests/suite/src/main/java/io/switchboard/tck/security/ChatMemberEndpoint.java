package io.switchboard.tck.security;

import io.switchboard.OpenSessions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** For users in the {@code chat} role; answers {@code whoami} (with the token given as a parameter), echoes the rest. */
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
    public String message(String text, Session session, JsonWebToken token) {
        if (text.equals("whoami")) {
            return WhoAmI.describe(session, sessions) + " parameter=" + (token == null ? "-" : token.getName());
        }
        return "echo:" + text;
    }
}
