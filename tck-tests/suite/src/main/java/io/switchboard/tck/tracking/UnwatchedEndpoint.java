package io.switchboard.tck.tracking;

import io.switchboard.Heartbeat;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Heartbeats switched off by annotation, whatever the deployment's default says. */
@Heartbeat(interval = "0")
@ServerEndpoint("/unwatched")
public class UnwatchedEndpoint {

    @OnMessage
    public String echo(String text) {
        return "unwatched:" + text;
    }
}
