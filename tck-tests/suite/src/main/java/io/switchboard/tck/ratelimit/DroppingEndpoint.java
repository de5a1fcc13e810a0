package io.switchboard.tck.ratelimit;

import io.switchboard.RateLimit;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes; messages beyond 5 per 10 seconds are dropped. */
@ServerEndpoint("/dropping")
@RateLimit(messages = 5, per = "10s", policy = RateLimit.Policy.DROP)
public class DroppingEndpoint {

    @OnMessage
    public String echo(String text) {
        return "echo:" + text;
    }
}
