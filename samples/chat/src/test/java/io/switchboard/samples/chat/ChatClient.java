package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat client as another team would write one against the README's contract: the JDK's WebSocket, JSON-P for the
 * frames, nothing of the sample's own code.
 */
final class ChatClient implements WebSocket.Listener {

    static final Duration WAIT = Duration.ofSeconds(15);

    final BlockingQueue<JsonObject> texts = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    private WebSocket socket;

    /** How the token travels. */
    enum Route {
        /** {@code Authorization: Bearer <token>}. */
        HEADER,
        /** The browser's way: subprotocols {@code switchboard.bearer} and the token. */
        SUBPROTOCOL
    }

    /** Connects, or fails with the handshake's exception (see {@link #handshakeStatus}). */
    static ChatClient connect(HttpClient http, URI uri, String token, Route route) throws Exception {
        ChatClient client = new ChatClient();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        if (token != null && route == Route.HEADER) {
            builder.header("Authorization", "Bearer " + token);
        } else if (token != null) {
            builder.subprotocols("switchboard.bearer", token);
        }
        client.socket = builder.buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /**
     * A token for a user from the demo endpoint, {@code POST <page>api/token}.
     *
     * @throws IllegalStateException if the endpoint does not answer 200 (such as a server still starting)
     */
    static String token(HttpClient http, URI page, String user) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(page.resolve("api/token"))
                        .timeout(WAIT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The token endpoint answered " + response.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("token");
        }
    }

    /** The HTTP status of a refused handshake; fails if the handshake succeeded. */
    static int handshakeStatus(HttpClient http, URI uri, String token, Route route) throws Exception {
        try {
            ChatClient client = connect(http, uri, token, route);
            client.abort();
            throw new AssertionError("The handshake to " + uri + " succeeded");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    WebSocket socket() {
        return socket;
    }

    void send(JsonObject message) throws Exception {
        sendRaw(message.toString());
    }

    void sendRaw(String frame) throws Exception {
        socket.sendText(frame, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    void sendBinary(byte[] data) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(data), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next text frame, parsed; fails after {@link #WAIT}. */
    JsonObject next() throws InterruptedException {
        JsonObject message = texts.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("No text frame within " + WAIT);
        }
        return message;
    }

    /** The next text frame, which must be of this type. */
    JsonObject next(String type) throws InterruptedException {
        JsonObject message = next();
        assertThat(message.getString("type")).as(message.toString()).isEqualTo(type);
        return message;
    }

    /** Asserts nothing more arrives for a moment. */
    void assertQuiet() throws InterruptedException {
        assertThat(texts.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(binaries.poll(0, TimeUnit.MILLISECONDS)).isNull();
    }

    /** The close code the server sent; fails after {@link #WAIT}. */
    int awaitCloseCode() throws Exception {
        return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            try (JsonReader reader = Json.createReader(new StringReader(text.toString()))) {
                texts.add(reader.readObject());
            }
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binary.writeBytes(part);
        if (last) {
            binaries.add(binary.toByteArray());
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }
}
