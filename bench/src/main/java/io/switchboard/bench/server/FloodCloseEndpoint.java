package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import io.switchboard.RateLimit;
import io.switchboard.Room;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A room of the flood scenario with a per-session rate limit of 20 messages a second (bursts of 40) that closes a
 * session over it with 1008. Every message is broadcast to the room.
 */
@ServerEndpoint("/bench/flood/close/{room}")
@Room("room")
@Heartbeat(interval = "0")
@RateLimit(messages = 20, per = "1s", burst = 40, policy = RateLimit.Policy.CLOSE)
public class FloodCloseEndpoint {

    @OnMessage
    public void message(String text, @PathParam("room") String room) {
        FloodRoom.handle(room, text);
    }

    @OnClose
    public void close(CloseReason reason) {
        FloodRoom.closed(reason);
    }
}
