package io.switchboard.backplane.redis.nodes;

import io.switchboard.Broadcaster;
import io.switchboard.Room;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A member of the room its path names, which keeps no history: {@code say:<text>} broadcasts
 * {@code <position> <text>} ({@code broadcastWithPosition}, so {@code null <text>}); {@code report:<text>} broadcasts
 * the text and answers {@code report:<published> <position>}; {@code recovery} answers how the join went, or
 * {@code recovery:none}; anything else is broadcast as it is.
 */
@ServerEndpoint("/plain/{room}")
@Room("room")
public class PlainRoomEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public String command(String text, Session session, @PathParam("room") String room) {
        if (text.startsWith("say:")) {
            rooms.broadcastWithPosition(room, position -> position + " " + text.substring("say:".length()));
        } else if (text.startsWith("report:")) {
            rooms.broadcast(room, text.substring("report:".length()))
                    .thenAccept(report ->
                            broadcaster.toSession(session, "report:" + report.published() + " " + report.position()));
        } else if (text.equals("recovery")) {
            return "recovery:"
                    + rooms.recovery(session, room)
                            .map(r -> r.outcome() + ":" + r.replayed() + ":" + r.latest())
                            .orElse("none");
        } else {
            rooms.broadcast(room, text);
        }
        return null;
    }
}
