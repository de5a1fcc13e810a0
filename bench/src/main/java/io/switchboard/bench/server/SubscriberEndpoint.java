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
 * A subscriber: tracked by Switchboard, a member of the room named in its path (for {@code RoomService.broadcast}),
 * and also in the benchmark's own {@link Subscribers} set (for the plain loops). Heartbeats are off so that no
 * ping traffic mixes with the measured fan-out; a subscriber that stops reading is closed when 1,024 messages
 * or 8 MiB wait for it, or one write takes 5 seconds.
 */
@ServerEndpoint("/bench/sub/{room}")
@Room("room")
@SendQueue(capacity = 1024, maxBytes = "8MiB", overflow = OverflowPolicy.CLOSE, sendTimeout = "5s")
@Heartbeat(interval = "0")
public class SubscriberEndpoint {

    /**
     * {@code -Dbench.subscriber.max-idle=<ms>} on the server sets each subscriber session's
     * {@code maxIdleTimeout} (an experiment; by default the container's setting stays). Tyrus restarts its idle
     * timer on every send unless the timeout is negative: {@code -1} switches that off.
     */
    private static final Long MAX_IDLE = Long.getLong("bench.subscriber.max-idle");

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        if (MAX_IDLE != null) {
            session.setMaxIdleTimeout(MAX_IDLE);
        }
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
