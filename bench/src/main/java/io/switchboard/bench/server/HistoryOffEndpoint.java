package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import io.switchboard.OverflowPolicy;
import io.switchboard.Room;
import io.switchboard.SendQueue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The reference of the history cost ({@code parts=history}): {@link SubscriberEndpoint}'s room, send queue and
 * heartbeat under a path of its own, without history. Its publisher sends with {@code RoomService.broadcast} (mode
 * {@code c}); {@link HistoryOnEndpoint} is the same with {@code @RoomHistory}.
 */
@ServerEndpoint("/bench/history/off/{room}")
@Room("room")
@SendQueue(capacity = 1024, maxBytes = "8MiB", overflow = OverflowPolicy.CLOSE, sendTimeout = "5s")
@Heartbeat(interval = "0")
public class HistoryOffEndpoint {

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        Subscribers.add(room, session);
    }

    @OnClose
    public void close(Session session, CloseReason reason, @PathParam("room") String room) {
        Subscribers.remove(room, session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        FanOut.FAILED.increment();
    }
}
