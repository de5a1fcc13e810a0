package io.switchboard.tck.history;

import io.switchboard.Broadcaster;
import io.switchboard.RecordedMessages;
import io.switchboard.Room;
import io.switchboard.RoomHistory;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.stream.Collectors;

/**
 * A room per path that keeps 50 broadcasts: {@code say:<text>} broadcasts {@code <position> <text>} to the room;
 * {@code report:<text>} also answers {@code report:<position>}; {@code recovery} answers how the join went;
 * {@code history:<since>} reads history ({@code history:<complete>|<latest>|<messages>}); {@code join:<room>:<since>} joins another room resuming from a position; {@code bye:<code>} closes the session with
 * that code, then sends it one more message and broadcasts another.
 */
@ServerEndpoint("/history/{room}")
@Room("room")
@RoomHistory(size = 50, ttl = "1m")
public class HistoryEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public String command(String text, Session session, @PathParam("room") String room) {
        return Commands.run(rooms, broadcaster, text, session, room);
    }

    /** The commands every endpoint of this package understands. */
    static final class Commands {

        private Commands() {}

        static String run(RoomService rooms, Broadcaster broadcaster, String text, Session session, String room) {
            int colon = text.indexOf(':');
            String command = colon < 0 ? text : text.substring(0, colon);
            String argument = colon < 0 ? "" : text.substring(colon + 1);
            switch (command) {
                case "say" -> rooms.broadcastWithPosition(room, position -> position + " " + argument);
                case "report" ->
                    rooms.broadcastWithPosition(room, position -> position + " " + argument)
                            .thenAccept(report -> broadcaster.toSession(session, "report:" + report.position()));
                case "recovery" -> {
                    return "recovery:"
                            + rooms.recovery(session, room)
                                    .map(Commands::format)
                                    .orElse("none");
                }
                case "history" -> {
                    RoomPosition since = argument.isEmpty() ? null : RoomPosition.parse(argument);
                    RecordedMessages read =
                            rooms.history(room, since).toCompletableFuture().join();
                    return "history:" + read.complete() + "|" + read.latest() + "|"
                            + read.messages().stream()
                                    .map(m -> String.valueOf(m.content()))
                                    .collect(Collectors.joining(","));
                }
                case "bye" -> {
                    try {
                        session.close(new CloseReason(
                                CloseReason.CloseCodes.getCloseCode(Integer.parseInt(argument)), "bye"));
                    } catch (java.io.IOException e) {
                        return "bye-failed";
                    }
                    // Sent after the close: it must never reach the wire behind the close frame.
                    broadcaster.toSession(session, "late");
                    rooms.broadcast(room, "late to the room");
                }
                case "join" -> {
                    String[] parts = argument.split(":", 2);
                    RoomRecovery joined = rooms.join(session, parts[0], RoomPosition.parse(parts[1]));
                    return "joined:" + format(joined);
                }
                default -> {
                    return "unknown:" + command;
                }
            }
            return null;
        }

        static String format(RoomRecovery recovery) {
            return recovery.outcome() + ":" + recovery.replayed() + ":" + recovery.latest();
        }
    }
}
