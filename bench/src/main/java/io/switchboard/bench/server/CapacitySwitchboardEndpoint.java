package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import io.switchboard.Room;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The capacity part's Switchboard endpoint: tracked, a member of the room in its path (for
 * {@code RoomService.broadcast}), pinged after 30 s of quiet ({@code @Heartbeat(interval = "30s")}, timeout 10 s),
 * send queue at its defaults. Its sessions are also in the benchmark's own set ({@link Subscribers}), so that the
 * plain broadcast (an async loop) can run over the very same sessions, interleaved with Switchboard's.
 */
@ServerEndpoint("/bench/cap/switchboard/{room}")
@Room("room")
@Heartbeat(interval = "30s")
public class CapacitySwitchboardEndpoint {

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        Subscribers.add(room, session);
    }

    @OnClose
    public void close(Session session, @PathParam("room") String room) {
        Subscribers.remove(room, session);
    }

    @OnMessage
    public void ignore(String text) {
        // idle connections send nothing but pongs
    }
}
