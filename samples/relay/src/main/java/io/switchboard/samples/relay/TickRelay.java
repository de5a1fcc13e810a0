package io.switchboard.samples.relay;

import io.switchboard.Broadcaster;
import io.switchboard.RoomService;
import io.switchboard.client.ClientMessage;
import io.switchboard.client.ClientState;
import io.switchboard.client.ClientStateChanged;
import io.switchboard.client.WebSocketClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The relay: reads the ticker's feed through Switchboard's reconnecting client {@code ticker}
 * ({@code switchboard.client.ticker.*}) and puts each tick, unchanged and in the order it arrived, into the room named
 * by its symbol, where every {@link RelayEndpoint} session of that symbol receives it. Every change of the link's
 * state goes to every watcher as a {@link LinkStatus}, so that a page sees the relay lose the ticker and find it again.
 *
 * <p>The observers alone name the client (Switchboard builds one per name it finds, in injection points or observers),
 * since the relay never sends to the ticker; for the same reason the client's buffer is of no use here
 * ({@code buffer.policy=fail-fast}). A feed that wants a subscription would inject {@code @WebSocketClient("ticker")
 * ReconnectingSocket} and send it from an observer of {@code @WebSocketClient("ticker") ClientConnected}, which runs on
 * every reconnect.
 */
@ApplicationScoped
public class TickRelay {

    private static final Logger LOG = Logger.getLogger(TickRelay.class.getName());

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    // The latest change, for watchers who arrive after it. The client starts connecting as the application starts,
    // before anyone can watch; written on the client's thread.
    private volatile LinkStatus latest = LinkStatus.of(ClientState.CONNECTING);

    /** A message from the ticker: on the client's receiving thread, one at a time, in the order received. */
    void relay(@Observes @WebSocketClient("ticker") ClientMessage message) {
        if (!message.isText()) {
            return;
        }
        Optional<String> symbol = symbolOf(message.text());
        if (symbol.isPresent()) {
            rooms.broadcast(symbol.get(), message.text());
        } else {
            LOG.warning(
                    () -> "Relay: a message from the ticker without a symbol, not relayed: " + abbreviated(message));
        }
    }

    /** The link moved: on the client's thread. The reason goes to the log, not to browsers. */
    void linkChanged(@Observes @WebSocketClient("ticker") ClientStateChanged change) {
        LinkStatus status = LinkStatus.of(change);
        latest = status;
        LOG.info(() -> "Relay: link to the ticker " + change.from() + " -> " + change.to() + " (attempt "
                + change.attempt() + ": " + change.reason() + ")");
        broadcaster.toEndpoint(RelayEndpoint.class, status.toJson());
    }

    /** How the link stands, for a watcher who has just arrived. */
    LinkStatus status() {
        return latest;
    }

    private static Optional<String> symbolOf(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject tick = reader.readObject();
            return Optional.ofNullable(tick.getString("symbol", null)).filter(symbol -> !symbol.isBlank());
        } catch (JsonException | ClassCastException notATick) {
            return Optional.empty();
        }
    }

    private static String abbreviated(ClientMessage message) {
        String text = message.text();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
