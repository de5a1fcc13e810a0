package io.switchboard.backplane.redis.nodes;

import io.switchboard.Broadcaster;
import io.switchboard.ConnectionLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Signed-in users, at most two sessions each (over the cluster where {@code principal-limits=cluster}). {@code to
 * <user> <text>} sends the text to every session of that user, on every node; {@code all <text>} to every session
 * of this endpoint; {@code me} answers {@code me}, once the session is open.
 */
@ServerEndpoint("/user")
@RolesAllowed("**")
@ConnectionLimits(perPrincipal = 2)
public class UserEndpoint {

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public void text(String text, Session session) {
        if (text.equals("me")) {
            session.getAsyncRemote().sendText("me");
            return;
        }
        String[] parts = text.split(" ", 3);
        if (parts[0].equals("to") && parts.length == 3) {
            broadcaster.toPrincipal(parts[1], parts[2]);
        } else if (parts[0].equals("all") && parts.length >= 2) {
            broadcaster.toEndpoint(UserEndpoint.class, text.substring(4));
        }
    }
}
