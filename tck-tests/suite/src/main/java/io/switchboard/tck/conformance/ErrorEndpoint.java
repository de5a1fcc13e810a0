package io.switchboard.tck.conformance;

import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** An exception thrown from {@code @OnMessage} reaches {@code @OnError}; the session lives on. */
@ServerEndpoint("/error")
public class ErrorEndpoint {

    @OnMessage
    public String message(String text) {
        if (text.equals("throw")) {
            throw new IllegalStateException("boom");
        }
        return "fine:" + text;
    }

    @OnError
    public void error(Session session, Throwable error) throws IOException {
        session.getBasicRemote().sendText("error:" + error.getClass().getSimpleName() + ":" + error.getMessage());
    }
}
