package io.switchboard.tck.shutdown;

import io.switchboard.Broadcaster;
import io.switchboard.SendQueue;
import io.switchboard.SessionClosed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code feed:<n>:<size>} queues {@code n} numbered messages of {@code size} bytes for the sender and answers
 * {@code queued}; the feed's messages come before it.
 */
@ServerEndpoint("/feed")
@SendQueue(capacity = 100_000, maxBytes = "256MiB", sendTimeout = "60s")
public class FeedEndpoint {

    /** How sessions ended, kept where a test in the same JVM can read it after the application stopped. */
    public static final ConcurrentLinkedQueue<String> CLOSED = new ConcurrentLinkedQueue<>();

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public String feed(String command, Session session) {
        String[] args = command.split(":");
        int count = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        for (int n = 0; n < count; n++) {
            String prefix = n + "|";
            broadcaster.toSession(session, prefix + "x".repeat(Math.max(0, size - prefix.length())));
        }
        return "queued";
    }

    /** Records every session's end. */
    @jakarta.enterprise.context.Dependent
    public static class Recorder {
        void closed(@Observes SessionClosed event) {
            CLOSED.add(event.session().endpointId() + " " + event.closeCode() + " "
                    + event.category().tag() + " " + event.reason());
        }
    }

    /** What {@link #CLOSED} holds now. */
    public static List<String> closed() {
        return List.copyOf(CLOSED);
    }
}
