package io.switchboard.tck.history;

import io.switchboard.Broadcaster;
import io.switchboard.Room;
import io.switchboard.RoomHistory;
import io.switchboard.RoomService;
import io.switchboard.SendQueue;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** {@link HistoryEndpoint}'s commands with a send queue of 8 messages: a long gap cannot be replayed. */
@ServerEndpoint("/history-small/{room}")
@Room("room")
@RoomHistory(size = 50)
@SendQueue(capacity = 8)
public class SmallQueueHistoryEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public String command(String text, Session session, @PathParam("room") String room) {
        return HistoryEndpoint.Commands.run(rooms, broadcaster, text, session, room);
    }
}
