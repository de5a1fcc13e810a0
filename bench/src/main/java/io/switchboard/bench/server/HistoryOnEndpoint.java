package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import io.switchboard.OverflowPolicy;
import io.switchboard.Room;
import io.switchboard.RoomHistory;
import io.switchboard.SendQueue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@link HistoryOffEndpoint} with {@code @RoomHistory} (its defaults: the last 100 broadcasts, at most 1 MiB, 5
 * minutes): every broadcast to its rooms is recorded. Its publisher sends with {@code
 * RoomService.broadcastWithPosition}, the position written into the message (mode {@code h}, {@link
 * FanOut#withPosition}), as an application that lets its clients resume does.
 */
@ServerEndpoint("/bench/history/on/{room}")
@Room("room")
@RoomHistory(size = 100, maxBytes = "1MiB", ttl = "5m")
@SendQueue(capacity = 1024, maxBytes = "8MiB", overflow = OverflowPolicy.CLOSE, sendTimeout = "5s")
@Heartbeat(interval = "0")
public class HistoryOnEndpoint {

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
