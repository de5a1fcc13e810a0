package io.switchboard.tck.ratelimit;

import io.switchboard.RateLimit;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Takes decoded orders; beyond 2 per 10 seconds they are dropped, before they are decoded. */
@ServerEndpoint(value = "/orders", decoders = CountingOrderDecoder.class)
@RateLimit(messages = 2, per = "10s", policy = RateLimit.Policy.DROP)
public class OrderEndpoint {

    @OnMessage
    public String order(Order order) {
        return "ordered:" + order.item();
    }
}
