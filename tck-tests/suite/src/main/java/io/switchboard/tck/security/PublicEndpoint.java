package io.switchboard.tck.security;

import io.switchboard.OpenSessions;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** No security annotation: open to all; a verified token still names the peer. Answers {@code whoami}. */
@ServerEndpoint("/secure/public")
public class PublicEndpoint {

    @Inject
    OpenSessions sessions;

    @OnMessage
    public String message(String text, Session session) {
        return text.equals("whoami") ? WhoAmI.describe(session, sessions) : "public:" + text;
    }
}
