package io.switchboard.tck.errors;

import io.switchboard.Broadcaster;
import jakarta.inject.Inject;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** With {@code @OnError}, which answers {@code handled:<exception>}: the session lives on. */
@ServerEndpoint("/errors/handled")
public class HandlingEndpoint {

    @OnMessage
    public String echo(String text) {
        if (text.equals("throw")) {
            throw new IllegalStateException("boom");
        }
        return "echo:" + text;
    }

    @Inject
    Broadcaster broadcaster;

    @OnError
    public void error(Session session, Throwable error) {
        broadcaster.toSession(session, "handled:" + error.getClass().getSimpleName());
    }
}
