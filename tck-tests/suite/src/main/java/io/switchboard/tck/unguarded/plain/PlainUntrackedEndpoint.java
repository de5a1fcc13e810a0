package io.switchboard.tck.unguarded.plain;

import io.switchboard.Untracked;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Left to the container, with no rule of its own: it falls under {@code switchboard.default.*} settings. */
@ServerEndpoint("/unguarded/plain")
@Untracked
public class PlainUntrackedEndpoint {

    @OnMessage
    public String echo(String text) {
        return "PlainUntrackedEndpoint:" + text;
    }
}
