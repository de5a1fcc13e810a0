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
 * {@link SubscriberEndpoint} under another path and class name, and so another endpoint id, whose gathered writes
 * the server's configuration switches off ({@link #GATHER_OFF}): each message is its own write, as before gathered
 * writes existed. The reference of the gathered-writes measurement; everything else (room, send queue, heartbeat,
 * metrics, what its methods do) is the same as {@link SubscriberEndpoint}'s.
 */
@ServerEndpoint("/bench/sub-ungathered/{room}")
@Room("room")
@SendQueue(capacity = 1024, maxBytes = "8MiB", overflow = OverflowPolicy.CLOSE, sendTimeout = "5s")
@Heartbeat(interval = "0")
public class SubscriberUngatheredEndpoint {

    /**
     * The MicroProfile Config key and value that switch this endpoint's gathered writes off: in the bench WAR's
     * {@code META-INF/microprofile-config.properties} on Payara Micro, a system property of the Tyrus server.
     */
    public static final String GATHER_OFF =
            "switchboard." + SubscriberUngatheredEndpoint.class.getSimpleName() + ".send-queue.gather-writes=false";

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
