package io.switchboard.tck.health;

import io.switchboard.Broadcaster;
import io.switchboard.SendQueue;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code feed:<n>:<size>} queues {@code n} numbered messages of {@code size} bytes for the sender, then answers
 * {@code queued}: a client that does not read keeps them in its send queue (the readiness check's backlog), and keeps
 * an undeployment's drain busy.
 */
@ServerEndpoint("/health-feed")
@SendQueue(capacity = 100_000, maxBytes = "256MiB", sendTimeout = "60s")
public class HealthFeedEndpoint {

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
}
