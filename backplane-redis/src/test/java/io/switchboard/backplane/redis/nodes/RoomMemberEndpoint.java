package io.switchboard.backplane.redis.nodes;

import io.switchboard.Room;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.stream.Collectors;

/**
 * A member of the room its path names. Text and binary go to the whole room, the sender included, so a sender sees
 * its own message exactly once too. Commands start with {@code !}: {@code !members} answers the room's members over
 * the cluster, {@code !report <text>} broadcasts and answers the delivery report, {@code !remote} answers the remote
 * presence events this node saw.
 */
@ServerEndpoint("/room/{room}")
@Room("room")
public class RoomMemberEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    PresenceLog presence;

    @OnMessage
    public void text(String text, Session session, @PathParam("room") String room) {
        if (text.equals("!members")) {
            rooms.clusterMembers(room)
                    .whenComplete((members, failure) -> reply(
                            session,
                            failure != null
                                    ? "members failed " + failure
                                    : "members " + members.size() + " nodes "
                                            + members.stream()
                                                    .map(m -> m.node())
                                                    .distinct()
                                                    .count()));
        } else if (text.equals("!rooms")) {
            rooms.clusterRooms()
                    .thenAccept(names ->
                            reply(session, "rooms " + names.stream().sorted().collect(Collectors.joining(","))));
        } else if (text.equals("!remote")) {
            reply(session, "remote " + presence.seen());
        } else if (text.startsWith("!report ")) {
            try {
                rooms.broadcast(room, text.substring("!report ".length()))
                        .thenAccept(report -> reply(session, "report published=" + report.published()));
            } catch (IllegalArgumentException e) {
                reply(session, "refused " + e.getMessage());
            }
        } else {
            rooms.broadcast(room, text);
        }
    }

    @OnMessage
    public void binary(ByteBuffer bytes, Session session, @PathParam("room") String room) {
        try {
            rooms.broadcast(room, bytes);
        } catch (IllegalArgumentException e) {
            reply(session, "refused " + e.getMessage());
        }
    }

    private static void reply(Session session, String text) {
        session.getAsyncRemote().sendText(text);
    }
}
