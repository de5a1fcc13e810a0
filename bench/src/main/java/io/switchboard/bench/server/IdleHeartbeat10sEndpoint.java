package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An idle connection tracked by Switchboard and pinged after 10 s of quiet, to weigh the heartbeat's CPU cost. */
@ServerEndpoint("/bench/idle/heartbeat-10s")
@Heartbeat(interval = "10s", timeout = "10s")
public class IdleHeartbeat10sEndpoint {

    @OnMessage
    public void ignore(String text) {
        // idle connections send nothing but pongs
    }
}
