package io.switchboard.bench.server;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An idle connection tracked by Switchboard with its defaults, to weigh heap per connection. */
@ServerEndpoint("/bench/idle/tracked")
public class IdleTrackedEndpoint {

    @OnMessage
    public void ignore(String text) {
        // idle connections send nothing
    }
}
