package io.switchboard.tck.metrics;

import io.switchboard.Heartbeat;
import io.switchboard.RateLimit;
import io.switchboard.Room;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * The endpoint of the metrics scenario: echoes text and binary, broadcasts {@code broadcast:<text>} to its room,
 * throws on {@code fail}; five messages per ten seconds per session, beyond which the session is closed; a
 * heartbeat every second that must be answered within one.
 */
@ServerEndpoint("/metered/{room}")
@Room("room")
@Heartbeat(interval = "1s", timeout = "1s")
@RateLimit(messages = 5, per = "10s")
public class MeteredEndpoint {

    @Inject
    RoomService rooms;

    @OnMessage
    public String text(String text, Session session, @PathParam("room") String room) {
        if (text.equals("fail")) {
            throw new IllegalStateException("failing on purpose");
        }
        if (text.startsWith("broadcast:")) {
            rooms.broadcast(room, text.substring("broadcast:".length()));
            return null;
        }
        return text;
    }

    @OnMessage
    public ByteBuffer binary(ByteBuffer bytes) {
        return bytes;
    }
}
