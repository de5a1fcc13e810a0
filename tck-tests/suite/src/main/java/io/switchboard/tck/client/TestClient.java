package io.switchboard.tck.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real WebSocket client (the JDK's {@code java.net.http.WebSocket}) that records what it receives, for
 * tests. Whole text and binary messages are reassembled from fragments; pings are answered by the JDK.
 */
public final class TestClient implements AutoCloseable {

    /** How long any wait of a test lasts at most. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A close frame as the client received it. */
    public record Closed(int code, String reason) {}

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> binaries = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;

    private TestClient() {}

    /**
     * Opens a connection.
     *
     * @param uri          a {@code ws://} URI
     * @param subprotocols subprotocols to offer, most wanted first
     * @return the connected client
     */
    public static TestClient connect(URI uri, String... subprotocols) {
        return connect(uri, Map.of(), subprotocols);
    }

    /**
     * Opens a connection with extra handshake headers.
     *
     * @param uri          a {@code ws://} URI
     * @param headers      headers to add to the handshake request
     * @param subprotocols subprotocols to offer, most wanted first
     * @return the connected client
     * @throws HandshakeRefused if the server answered the upgrade with an HTTP status
     */
    public static TestClient connect(URI uri, Map<String, String> headers, String... subprotocols) {
        TestClient client = new TestClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT);
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        try {
            client.socket = builder.buildAsync(uri, client.new Recorder()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return client;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("Cannot connect to " + uri, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot connect to " + uri, e);
        }
    }

    /** The server refused the upgrade with this HTTP status. */
    public static final class HandshakeRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HandshakeRefused(int status) {
            super("Handshake refused with HTTP " + status);
            this.status = status;
        }

        /** The HTTP status of the refusal. */
        public int status() {
            return status;
        }
    }

    /** The subprotocol the server selected, or an empty string. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a whole text message and waits until it is sent. */
    public TestClient sendText(String text) {
        return sendText(text, true);
    }

    /** Sends a text message or one fragment of it ({@code last} false for all but the final one). */
    public TestClient sendText(String text, boolean last) {
        join(socket.sendText(text, last));
        return this;
    }

    /** Sends a whole binary message and waits until it is sent. */
    public TestClient sendBinary(byte[] bytes) {
        return sendBinary(bytes, true);
    }

    /** Sends a binary message or one fragment of it ({@code last} false for all but the final one). */
    public TestClient sendBinary(byte[] bytes, boolean last) {
        join(socket.sendBinary(ByteBuffer.wrap(bytes), last));
        return this;
    }

    /** Sends a ping; the server must answer with a pong carrying the same payload. */
    public TestClient sendPing(byte[] payload) {
        join(socket.sendPing(ByteBuffer.wrap(payload)));
        return this;
    }

    /** Sends an unsolicited pong. */
    public TestClient sendPong(byte[] payload) {
        join(socket.sendPong(ByteBuffer.wrap(payload)));
        return this;
    }

    /** The next whole text message; fails the test if none arrives in time. */
    public String nextText() {
        return poll(texts, "text message");
    }

    /**
     * The next whole text message if one arrives within a wait, for asserting that none does.
     *
     * @param wait how long to wait
     * @return the message, or {@code null}
     */
    public String nextTextWithin(Duration wait) {
        try {
            return texts.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next whole binary message; fails the test if none arrives in time. */
    public byte[] nextBinary() {
        ByteBuffer buffer = poll(binaries, "binary message");
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** The payload of the next pong; fails the test if none arrives in time. */
    public byte[] nextPong() {
        ByteBuffer buffer = poll(pongs, "pong");
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Sends a text message and returns the next text message received. */
    public String ask(String text) {
        return sendText(text).nextText();
    }

    /** Waits for the server's close frame; fails the test if none arrives in time. */
    public Closed awaitClose() {
        try {
            return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("No close from the server within " + TIMEOUT, e);
        }
    }

    /** Whether the server has closed the connection. */
    public boolean isClosedByServer() {
        return closed.isDone();
    }

    /** Sends a close frame with this code and reason and waits for the server's answer. */
    public Closed close(int code, String reason) {
        join(socket.sendClose(code, reason));
        return awaitClose();
    }

    /** Drops the connection without a close frame. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
        socket.abort();
    }

    private static <T> T poll(BlockingQueue<T> queue, String what) {
        try {
            T item = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("No " + what + " within " + TIMEOUT);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void join(CompletableFuture<?> sent) {
        try {
            sent.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("Send did not complete within " + TIMEOUT, e);
        }
    }

    /** Collects fragments into whole messages. */
    private final class Recorder implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                texts.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                binaries.add(ByteBuffer.wrap(binary.toByteArray()));
                binary = new java.io.ByteArrayOutputStream();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            ByteBuffer copy =
                    ByteBuffer.allocate(message.remaining()).put(message).flip();
            pongs.add(copy);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(1006, String.valueOf(error)));
        }
    }
}
