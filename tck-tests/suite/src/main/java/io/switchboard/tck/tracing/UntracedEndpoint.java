package io.switchboard.tck.tracing;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An echo endpoint whose {@code tracing.enabled} is {@code false} in a deployment that traces by default. */
@ServerEndpoint("/untraced")
public class UntracedEndpoint {

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
