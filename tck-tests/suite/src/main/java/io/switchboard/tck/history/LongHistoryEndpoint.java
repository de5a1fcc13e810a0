package io.switchboard.tck.history;

import io.switchboard.Broadcaster;
import io.switchboard.Room;
import io.switchboard.RoomHistory;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** {@link HistoryEndpoint}'s commands in rooms that keep 5,000 broadcasts. */
@ServerEndpoint("/history-long/{room}")
@Room("room")
@RoomHistory(size = 5000)
public class LongHistoryEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public String command(String text, Session session, @PathParam("room") String room) {
        return HistoryEndpoint.Commands.run(rooms, broadcaster, text, session, room);
    }
}
