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
 * A room of the resume scenarios ({@code parts=history}): the room keeps its last 100 broadcasts; a client that
 * reconnects naming its last position ({@code ?switchboard-since=}) gets what it missed replayed by Switchboard, and
 * one that names none, or whose position cannot be resumed, gets a snapshot instead, as a chat sends its
 * {@code history}: the room's last 100 broadcasts up to the position it joined at, as one message ({@link Resume}).
 * When the history cannot be read (a node whose backplane is not connected yet: {@code UNAVAILABLE}) the session is
 * closed with 1013, try again later.
 * The broadcasts come from {@link ResumePublisherEndpoint}.
 */
@ServerEndpoint("/bench/resume/{room}")
@Room("room")
@RoomHistory(size = ResumeEndpoint.HISTORY_SIZE, maxBytes = "1MiB", ttl = "5m")
@SendQueue(capacity = 1024, maxBytes = "8MiB", overflow = OverflowPolicy.CLOSE, sendTimeout = "5s")
@Heartbeat(interval = "0")
public class ResumeEndpoint {

    /** The broadcasts each room keeps, and the most a snapshot holds. */
    public static final int HISTORY_SIZE = 100;

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        Subscribers.add(room, session);
        Resume.opened(session, room);
    }

    @OnClose
    public void close(Session session, CloseReason reason, @PathParam("room") String room) {
        Subscribers.remove(room, session);
        Resume.closed(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        FanOut.FAILED.increment();
    }
}
