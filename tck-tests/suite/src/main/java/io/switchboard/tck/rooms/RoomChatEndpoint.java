package io.switchboard.tck.rooms;

import io.switchboard.Broadcaster;
import io.switchboard.Room;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.TreeSet;

/**
 * A chat room per path: {@code say:<text>} goes to the whole room as {@code <room>:<text>}, {@code others:<text>}
 * to all but the sender, {@code report:<text>} also answers with the delivery report; {@code join:}, {@code leave:},
 * {@code rooms}, {@code history}, {@code binary:<n>}, {@code vote:<choice>}, {@code to:<room>:<text>}.
 */
@ServerEndpoint(value = "/room/{room}", encoders = VoteEncoder.class)
@Room("room")
public class RoomChatEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @Inject
    RoomHistory history;

    @OnOpen
    public void open() {
        history.opened();
    }

    @OnMessage
    public String command(String text, Session session, @PathParam("room") String room) {
        int colon = text.indexOf(':');
        String command = colon < 0 ? text : text.substring(0, colon);
        String argument = colon < 0 ? "" : text.substring(colon + 1);
        switch (command) {
            case "say" -> {
                history.said(argument);
                rooms.broadcast(room, room + ":" + argument);
            }
            case "others" -> rooms.broadcastExcept(room, room + ":" + argument, session);
            case "report" ->
                rooms.broadcast(room, room + ":" + argument)
                        .thenAccept(report -> broadcaster.toSession(session, "report:" + Reports.format(report)));
            case "to" -> {
                String[] parts = argument.split(":", 2);
                rooms.broadcast(parts[0], parts[0] + ":" + parts[1]);
            }
            case "binary" -> rooms.broadcast(room, new byte[Integer.parseInt(argument)]);
            case "vote" -> rooms.broadcast(room, new Vote(argument));
            case "join" -> {
                return "joined:" + rooms.join(session, argument);
            }
            case "leave" -> {
                return "left:" + rooms.leave(session, argument);
            }
            case "rooms" -> {
                return "rooms:" + new TreeSet<>(rooms.roomsOf(session));
            }
            case "history" -> {
                return "history:" + history.summary();
            }
            default -> {
                return "unknown:" + command;
            }
        }
        return null;
    }

    @OnClose
    public void close() {
        history.closed();
    }
}
