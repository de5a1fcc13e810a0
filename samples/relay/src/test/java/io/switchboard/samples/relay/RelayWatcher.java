package io.switchboard.samples.relay;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket client of {@code ws/relay/<symbol>}, as a watcher of the relay: it queues every message in the
 * order received (ticks carry {@code symbol}, link states {@code relay}), never reconnects, and remembers whether its
 * connection closed.
 */
final class RelayWatcher implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String closed;
    private WebSocket socket;

    /** Connects, and returns once the handshake is done. */
    static RelayWatcher connect(URI uri) throws Exception {
        RelayWatcher watcher = new RelayWatcher();
        watcher.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, watcher)
                .get(15, TimeUnit.SECONDS);
        return watcher;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(Json.createReader(new StringReader(partial.toString())).readObject());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = statusCode + " " + reason;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = error.toString();
    }

    /** Why the connection ended, or {@code null} while it is open. */
    String closed() {
        return closed;
    }

    /** The next message, tick or link state, or an error after the timeout. */
    JsonObject next(Duration timeout) throws InterruptedException {
        JsonObject message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("nothing within " + timeout + (closed == null ? "" : "; closed: " + closed));
        }
        return message;
    }

    /** Every message received so far and not yet taken. */
    List<JsonObject> drain() {
        List<JsonObject> taken = new ArrayList<>();
        messages.drainTo(taken);
        return taken;
    }

    /** The next tick; link states before it are passed over. */
    JsonObject nextTick(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (; ; ) {
            JsonObject message = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (isTick(message)) {
                return message;
            }
        }
    }

    /**
     * The messages up to and including the first link state {@code state}.
     *
     * @return what arrived, the link state last
     */
    List<JsonObject> until(String state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> seen = new ArrayList<>();
        for (; ; ) {
            JsonObject message;
            try {
                message = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (AssertionError none) {
                throw new AssertionError("no link state " + state + " within " + timeout + "; states seen: "
                        + seen.stream().filter(m -> !isTick(m)).toList());
            }
            seen.add(message);
            if (state.equals(message.getString("relay", null))) {
                return seen;
            }
        }
    }

    static boolean isTick(JsonObject message) {
        return message.containsKey("symbol");
    }

    static long seq(JsonObject tick) {
        return tick.getJsonNumber("seq").longValueExact();
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS);
        }
    }
}
