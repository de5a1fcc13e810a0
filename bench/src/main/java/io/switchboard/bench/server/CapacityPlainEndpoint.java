package io.switchboard.bench.server;

import io.switchboard.Untracked;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The capacity part's plain endpoint, left to the container ({@link Untracked}): it keeps its sessions in the
 * benchmark's own set for the room in its path ({@link Subscribers}), as an application without Switchboard does, and
 * counts the pongs that answer {@link CapacityPinger}'s pings, when that pings them.
 */
@ServerEndpoint("/bench/cap/plain/{room}")
@Untracked
public class CapacityPlainEndpoint {

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        Subscribers.add(room, session);
    }

    @OnClose
    public void close(Session session, @PathParam("room") String room) {
        Subscribers.remove(room, session);
    }

    @OnMessage
    public void pong(PongMessage pong) {
        CapacityPinger.PONGS.increment();
    }

    @OnMessage
    public void ignore(String text) {
        // idle connections send nothing but pongs
    }
}
