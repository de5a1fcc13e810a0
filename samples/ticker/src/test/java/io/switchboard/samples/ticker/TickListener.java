package io.switchboard.samples.ticker;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client of {@code ws/prices} that queues each tick it receives, with the time it arrived. */
final class TickListener implements WebSocket.Listener, AutoCloseable {

    /** A tick as received. */
    record Received(JsonObject tick, long arrivedNanos) {
        long seq() {
            return tick.getJsonNumber("seq").longValueExact();
        }
    }

    final BlockingQueue<Received> ticks = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Connects, and returns once the handshake is done. */
    static TickListener connect(HttpClient http, Duration timeout) throws Exception {
        TickListener listener = new TickListener();
        listener.socket = http.newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(RunningTicker.prices(), listener)
                .get(timeout.toSeconds(), TimeUnit.SECONDS);
        return listener;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject tick =
                    Json.createReader(new StringReader(partial.toString())).readObject();
            ticks.add(new Received(tick, System.nanoTime()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    /** The next tick, or an error after the timeout. */
    Received next(Duration timeout) throws InterruptedException {
        Received tick = ticks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (tick == null) {
            throw new AssertionError("no tick within " + timeout);
        }
        return tick;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS);
        }
    }
}
