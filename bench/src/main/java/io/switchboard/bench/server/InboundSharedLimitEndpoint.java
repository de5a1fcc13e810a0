package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import io.switchboard.RateLimit;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Inbound messages, counted and forgotten, on a tracked endpoint with generous rate limits per session and per
 * address (a million messages a second each, never refusing): every loopback client shares the address's bucket,
 * so this also shows what concurrent updates of one bucket cost.
 */
@ServerEndpoint("/bench/inbound/shared-limit")
@Heartbeat(interval = "0")
@RateLimit(messages = 1_000_000, per = "1s", burst = 1_000_000)
@RateLimit(messages = 1_000_000, per = "1s", burst = 1_000_000, scope = RateLimit.Scope.ADDRESS)
public class InboundSharedLimitEndpoint {

    @OnMessage
    public void message(String text) {
        Inbound.HANDLED.increment();
    }
}
