package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import io.switchboard.RateLimit;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Inbound messages, counted and forgotten, on a tracked endpoint with a per-session rate limit so generous
 * (a million messages a second) that it never refuses one: what checking it costs.
 */
@ServerEndpoint("/bench/inbound/limited")
@Heartbeat(interval = "0")
@RateLimit(messages = 1_000_000, per = "1s", burst = 1_000_000)
public class InboundLimitedEndpoint {

    @OnMessage
    public void message(String text) {
        Inbound.HANDLED.increment();
    }
}
