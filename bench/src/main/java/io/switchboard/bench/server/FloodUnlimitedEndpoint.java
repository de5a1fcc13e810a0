package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import io.switchboard.Room;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A room of the flood scenario without a rate limit (tracked by Switchboard, with its default send queues): what a
 * flood does when nothing stops it. Every message is broadcast to the room.
 */
@ServerEndpoint("/bench/flood/off/{room}")
@Room("room")
@Heartbeat(interval = "0")
public class FloodUnlimitedEndpoint {

    @OnMessage
    public void message(String text, @PathParam("room") String room) {
        FloodRoom.handle(room, text);
    }

    @OnClose
    public void close(CloseReason reason) {
        FloodRoom.closed(reason);
    }
}
