package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An idle connection tracked by Switchboard and pinged after 1 s of quiet, to weigh the heartbeat's CPU cost. */
@ServerEndpoint("/bench/idle/heartbeat-1s")
@Heartbeat(interval = "1s", timeout = "10s")
public class IdleHeartbeat1sEndpoint {

    @OnMessage
    public void ignore(String text) {
        // idle connections send nothing but pongs
    }
}
