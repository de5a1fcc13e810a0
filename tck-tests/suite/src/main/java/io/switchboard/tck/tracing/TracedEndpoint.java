package io.switchboard.tck.tracing;

import io.switchboard.Room;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * A traced endpoint: echoes text and binary, broadcasts {@code broadcast:<text>} to its room, throws on
 * {@code fail:<text>} (its {@code @OnError} takes it, and the session stays open).
 */
@ServerEndpoint("/traced/{room}")
@Room("room")
public class TracedEndpoint {

    @Inject
    RoomService rooms;

    @OnOpen
    public void opened(Session session) {}

    @OnMessage
    public String text(String text, @PathParam("room") String room) {
        if (text.startsWith("fail:")) {
            throw new IllegalStateException(text);
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

    @OnError
    public void failed(Throwable error) {}

    @OnClose
    public void closed(Session session) {}
}
