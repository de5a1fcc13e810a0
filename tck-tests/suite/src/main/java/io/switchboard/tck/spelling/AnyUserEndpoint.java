package io.switchboard.tck.spelling;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** For any authenticated user: {@code switchboard.AnyUserEndpoint.roles-allowed=**}. */
@ServerEndpoint("/spell/any/{x}")
public class AnyUserEndpoint {

    @OnOpen
    public void opened() {
        SpellingLog.GUARDED_OPENS.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "AnyUserEndpoint:" + text;
    }
}
