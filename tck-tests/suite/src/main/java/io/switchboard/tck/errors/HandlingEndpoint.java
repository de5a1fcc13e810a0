package io.switchboard.tck.errors;

import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

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

    @OnError
    public void error(Session session, Throwable error) throws IOException {
        session.getBasicRemote().sendText("handled:" + error.getClass().getSimpleName());
    }
}
