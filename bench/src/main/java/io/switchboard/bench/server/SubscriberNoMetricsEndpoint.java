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
 * {@link SubscriberEndpoint} under another path and class name, and so another endpoint id, whose metrics the
 * server's configuration switches off ({@link #METRICS_OFF}): the reference of the metrics-cost measurement.
 * Everything else (room, send queue, heartbeat, what its methods do) is the same as {@link SubscriberEndpoint}'s.
 */
@ServerEndpoint("/bench/sub-nometrics/{room}")
@Room("room")
@SendQueue(capacity = 1024, maxBytes = "8MiB", overflow = OverflowPolicy.CLOSE, sendTimeout = "5s")
@Heartbeat(interval = "0")
public class SubscriberNoMetricsEndpoint {

    /**
     * The MicroProfile Config key and value that switch this endpoint's metrics off: in the bench WAR's
     * {@code META-INF/microprofile-config.properties} on Payara Micro, a system property of the Tyrus server.
     */
    public static final String METRICS_OFF =
            "switchboard." + SubscriberNoMetricsEndpoint.class.getSimpleName() + ".metrics.enabled=false";

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
