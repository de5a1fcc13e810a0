package io.switchboard.samples.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A chat room per path: every text message a member sends is relayed, unchanged, to the other members of
 * the same room.
 *
 * <p>It is a plain Jakarta WebSocket endpoint: nothing in it mentions Switchboard. Because
 * {@code switchboard-impl} is in the WAR, its sessions are tracked all the same: see
 * {@link SessionsServlet}.
 *
 * <p>For now it finds the room's members itself, by walking the endpoint's open sessions, and sends with
 * {@code getAsyncRemote()}, which queues without bound for a peer that stops reading. Switchboard's
 * {@code RoomService} will replace this loop.
 */
@ServerEndpoint("/chat/{room}")
public class ChatEndpoint {

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());

    @OnMessage
    public void onMessage(String text, Session session, @PathParam("room") String room) {
        for (Session peer : session.getOpenSessions()) {
            if (peer.isOpen() && !peer.getId().equals(session.getId())
                    && room.equals(peer.getPathParameters().get("room"))) {
                try {
                    peer.getAsyncRemote().sendText(text);
                } catch (IllegalStateException closedMeanwhile) {
                    LOG.log(Level.FINE, "Session {0} closed before the relay reached it", peer.getId());
                }
            }
        }
    }
}
