package io.switchboard.tck.conformance;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Its instances come from {@link SharedInstanceConfigurator}: one instance sees every connection. */
@ServerEndpoint(value = "/shared", configurator = SharedInstanceConfigurator.class)
public class SharedEndpoint {

    private final AtomicInteger opens = new AtomicInteger();

    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText("opens:" + opens.incrementAndGet());
    }
}
