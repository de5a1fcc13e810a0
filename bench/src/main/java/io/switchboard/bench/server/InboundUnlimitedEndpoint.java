package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Inbound messages, counted and forgotten, on a tracked endpoint without a rate limit: the limiter cost's reference. */
@ServerEndpoint("/bench/inbound/unlimited")
@Heartbeat(interval = "0")
public class InboundUnlimitedEndpoint {

    @OnMessage
    public void message(String text) {
        Inbound.HANDLED.increment();
    }
}
