package io.switchboard.impl.client.consumer;

import io.switchboard.client.ClientConnected;
import io.switchboard.client.ClientMessage;
import io.switchboard.client.ClientState;
import io.switchboard.client.ClientStateChanged;
import io.switchboard.client.ReconnectingSocket;
import io.switchboard.client.WebSocketClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** An application bean that uses the client {@code echo} by name, and observes its events. */
@ApplicationScoped
public class EchoConsumer {
    public static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
    public static final BlockingQueue<ClientState> STATES = new LinkedBlockingQueue<>();

    @Inject
    @WebSocketClient("echo")
    ReconnectingSocket echo;

    public ReconnectingSocket client() {
        return echo;
    }

    void connected(@Observes @WebSocketClient("echo") ClientConnected link) {
        link.sendText("hello #" + link.connections());
    }

    void received(@Observes @WebSocketClient("echo") ClientMessage message) {
        RECEIVED.add(message.client() + ":" + message.text());
    }

    void changed(@Observes @WebSocketClient("echo") ClientStateChanged change) {
        STATES.add(change.to());
    }

    /** Another client's messages must never arrive here. */
    void others(@Observes @WebSocketClient("other") ClientMessage message) {
        RECEIVED.add("WRONG " + message.client() + ":" + message.text());
    }
}
