package io.switchboard.tck.reconnecting;

import io.switchboard.client.ClientConnected;
import io.switchboard.client.ClientMessage;
import io.switchboard.client.ClientStateChanged;
import io.switchboard.client.ReconnectingSocket;
import io.switchboard.client.WebSocketClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's side of the two clients, injected by name: {@code loop} (connects at startup to this server's
 * {@link LoopEchoEndpoint}) and {@code guarded} (lazy, to {@link GuardedEchoEndpoint}, with {@link GuardedToken}).
 * Observes their events into a record per client, for {@link LinksProbe}. The first event creates this bean, so the
 * records start with the clients' first state change.
 */
@ApplicationScoped
public class Links {

    @Inject
    @WebSocketClient("loop")
    ReconnectingSocket loop;

    @Inject
    @WebSocketClient("guarded")
    ReconnectingSocket guarded;

    private final Record loopRecord = new Record();
    private final Record guardedRecord = new Record();

    /** The client of this name. */
    public ReconnectingSocket client(String name) {
        return switch (name) {
            case "loop" -> loop;
            case "guarded" -> guarded;
            default -> throw new IllegalArgumentException("no client " + name);
        };
    }

    /** What the client of this name reported. */
    public Record record(String name) {
        return switch (name) {
            case "loop" -> loopRecord;
            case "guarded" -> guardedRecord;
            default -> throw new IllegalArgumentException("no client " + name);
        };
    }

    void loopConnected(@Observes @WebSocketClient("loop") ClientConnected link) {
        loopRecord.connected(link);
    }

    void loopMessage(@Observes @WebSocketClient("loop") ClientMessage message) {
        loopRecord.messages.add(message.text());
    }

    void loopState(@Observes @WebSocketClient("loop") ClientStateChanged change) {
        loopRecord.changed(change);
    }

    void guardedConnected(@Observes @WebSocketClient("guarded") ClientConnected link) {
        guardedRecord.connected(link);
    }

    void guardedMessage(@Observes @WebSocketClient("guarded") ClientMessage message) {
        guardedRecord.messages.add(message.text());
    }

    void guardedState(@Observes @WebSocketClient("guarded") ClientStateChanged change) {
        guardedRecord.changed(change);
    }

    /** One client's events: messages received, state changes ({@code FROM>TO closeCode}), hooks run. */
    public static final class Record {
        private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> states = new ConcurrentLinkedQueue<>();
        private final AtomicLong connections = new AtomicLong();

        /** The hook: says hello on each new connection, ahead of anything buffered. */
        private void connected(ClientConnected link) {
            connections.set(link.connections());
            link.sendText("hello #" + link.connections());
        }

        private void changed(ClientStateChanged change) {
            states.add(change.from() + ">" + change.to() + " " + change.closeCode());
        }

        public List<String> messages() {
            return List.copyOf(messages);
        }

        public List<String> states() {
            return List.copyOf(states);
        }

        /** The number the last {@link ClientConnected} hook was given, 0 before the first. */
        public long connections() {
            return connections.get();
        }
    }
}
