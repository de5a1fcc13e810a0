package io.switchboard.tck.tracking;

import io.switchboard.IdleTimeout;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Closes sessions that send no message for two seconds, however well they answer heartbeats. */
@IdleTimeout("2s")
@ServerEndpoint("/idle")
public class IdleEndpoint {

    @OnMessage
    public String echo(String text) {
        return "idle:" + text;
    }
}
