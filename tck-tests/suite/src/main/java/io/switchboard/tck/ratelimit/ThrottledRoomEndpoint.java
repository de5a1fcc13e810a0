package io.switchboard.tck.ratelimit;

import io.switchboard.RateLimit;
import io.switchboard.Room;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** A room where every message goes to every member; a session sending more than 20 a second is closed. */
@ServerEndpoint("/throttled/{room}")
@Room("room")
@RateLimit(messages = 20, per = "1s", burst = 20)
public class ThrottledRoomEndpoint {

    @Inject
    RoomService rooms;

    @OnMessage
    public void say(String text, @PathParam("room") String room) {
        rooms.broadcast(room, text);
    }
}
