package io.switchboard.tck.ratelimit;

import io.switchboard.ConnectionLimits;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.atomic.AtomicInteger;

/** At most 3 sessions at once; counts how often its {@code @OnOpen} ran. */
@ServerEndpoint("/capped")
@ConnectionLimits(max = 3)
public class CappedEndpoint {

    static final AtomicInteger OPENED = new AtomicInteger();

    @OnOpen
    public void open() {
        OPENED.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "echo:" + text + ":" + OPENED.get();
    }
}
