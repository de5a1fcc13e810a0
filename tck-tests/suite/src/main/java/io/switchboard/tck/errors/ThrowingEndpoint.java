package io.switchboard.tck.errors;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** No {@code @OnError}: {@code throw} throws from {@code @OnMessage}; anything else is echoed. */
@ServerEndpoint("/errors/throw")
public class ThrowingEndpoint {

    @OnMessage
    public String echo(String text) {
        if (text.equals("throw")) {
            throw new IllegalStateException("boom");
        }
        return "echo:" + text;
    }
}
