package io.switchboard.tck.tracing;

import io.switchboard.ConnectionLimits;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A traced endpoint that takes one session at a time: the second handshake is refused by its connection limit. */
@ServerEndpoint("/traced-limited")
@ConnectionLimits(max = 1)
public class LimitedEndpoint {

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
