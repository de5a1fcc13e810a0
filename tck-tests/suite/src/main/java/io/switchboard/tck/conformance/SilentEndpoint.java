package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** No {@code Session} parameter anywhere: nothing hands its session to portable code. */
@ServerEndpoint("/silent")
public class SilentEndpoint {

    @OnMessage
    public String shout(String text) {
        return text.toUpperCase(java.util.Locale.ROOT);
    }
}
