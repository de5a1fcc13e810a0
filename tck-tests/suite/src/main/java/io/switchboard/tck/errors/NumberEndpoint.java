package io.switchboard.tck.errors;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** No {@code @OnError}: takes numbers only. */
@ServerEndpoint("/errors/number")
public class NumberEndpoint {

    @OnMessage
    public String next(int number) {
        return String.valueOf(number + 1);
    }
}
