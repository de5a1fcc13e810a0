package io.switchboard.impl.extension.badheartbeat;

import io.switchboard.Heartbeat;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Invalid: a heartbeat interval that is not a duration. */
@Heartbeat(interval = "soon")
@ServerEndpoint("/bad-heartbeat")
public class BadHeartbeatEndpoint {

    @OnMessage
    public void message(String text) {}
}
