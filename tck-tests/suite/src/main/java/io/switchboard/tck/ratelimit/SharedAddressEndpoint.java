package io.switchboard.tck.ratelimit;

import io.switchboard.RateLimit;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes; all sessions from one address share 6 messages per 10 seconds, beyond which messages are dropped. */
@ServerEndpoint("/shared-address")
@RateLimit(messages = 6, per = "10s", scope = RateLimit.Scope.ADDRESS, policy = RateLimit.Policy.DROP)
public class SharedAddressEndpoint {

    @OnMessage
    public String echo(String text) {
        return "echo:" + text;
    }
}
