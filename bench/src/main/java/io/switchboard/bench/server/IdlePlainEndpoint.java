package io.switchboard.bench.server;

import io.switchboard.Untracked;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An idle connection as the container alone keeps it ({@link Untracked}), to weigh heap per connection. */
@ServerEndpoint("/bench/idle/plain")
@Untracked
public class IdlePlainEndpoint {

    @OnMessage
    public void ignore(String text) {
        // idle connections send nothing
    }
}
