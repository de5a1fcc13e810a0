package io.switchboard.tck.tracking;

import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Uses a {@code @RequestScoped} bean in its callbacks: each callback is its own request. */
@ServerEndpoint("/request-scoped")
public class RequestScopedEndpoint {

    @Inject
    RequestCounter counter;

    @OnOpen
    public void open(Session session) throws IOException {
        counter.increment();
        session.getBasicRemote().sendText("open:" + counter.increment());
    }

    @OnMessage
    public String message(String text) {
        return "message:" + counter.increment();
    }
}
