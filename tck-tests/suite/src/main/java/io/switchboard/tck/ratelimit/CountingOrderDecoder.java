package io.switchboard.tck.ratelimit;

import jakarta.websocket.Decoder;
import java.util.concurrent.atomic.AtomicInteger;

/** Decodes {@code order:<item>}, counting every decode. */
public class CountingOrderDecoder implements Decoder.Text<Order> {

    static final AtomicInteger DECODED = new AtomicInteger();

    @Override
    public Order decode(String text) {
        DECODED.incrementAndGet();
        return new Order(text.substring("order:".length()));
    }

    @Override
    public boolean willDecode(String text) {
        return text.startsWith("order:");
    }
}
