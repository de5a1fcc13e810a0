package io.switchboard.client.runtime;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One connection attempt and, if it succeeds, the connection: the JSR 356 endpoint the container calls. It hands
 * everything to its {@link ReconnectingClient}; its own state is what the client reads about this attempt.
 */
final class Link extends Endpoint {
    private static final Pattern UNDERTOW_CLOSE_CODE = Pattern.compile("Invalid close frame status code: (\\d{4})");

    final long id;
    final String token;
    private final ReconnectingClient client;

    /** The response headers of the handshake, where the container lets the configurator see them. */
    volatile Map<String, List<String>> responseHeaders = Map.of();

    private final CountDownLatch responded = new CountDownLatch(1);
    /** The session, once open. Written by the container's thread, read by the client's. */
    volatile Session session;
    /** Guarded by the client's lock: the attempt was given up (timed out) or the client closed meanwhile. */
    boolean abandoned;
    /** Guarded by the client's lock: the onConnected hooks ran, buffered messages may flow. */
    boolean ready;
    /** Guarded by the client's lock. */
    long openedAt;
    /** Guarded by the client's lock: the connect deadline, then the watchdog. */
    ScheduledFuture<?> timer;

    Link(long id, String token, ReconnectingClient client) {
        this.id = id;
        this.token = token;
        this.client = client;
    }

    /** The handshake's configuration: the client's headers, token and subprotocols. */
    ClientEndpointConfig config(Map<String, String> headers, List<String> subprotocols, Duration connectTimeout) {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(subprotocols)
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                        headers.forEach((name, value) -> request.put(name, List.of(value)));
                        if (token != null) {
                            request.put("Authorization", List.of("Bearer " + token));
                        }
                    }

                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        responseHeaders = Map.copyOf(response.getHeaders());
                        responded.countDown();
                    }
                })
                .build();
        ConnectTimeouts.apply(config, connectTimeout);
        return config;
    }

    /**
     * Waits a little for the response's headers of a refused handshake. Tyrus (Payara, Java SE) calls
     * {@code afterResponse} for a refusal too, but after it has already failed {@code connectToServer} on another
     * thread; Undertow (WildFly) never calls it for a refusal, and nothing comes.
     */
    void awaitResponseHeaders(Duration atMost) {
        try {
            responded.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onOpen(Session opened, EndpointConfig config) {
        this.session = opened;
        client.configure(opened);
        opened.addMessageHandler(String.class, text -> client.receivedText(this, text));
        opened.addMessageHandler(ByteBuffer.class, bytes -> client.receivedBinary(this, bytes));
        opened.addMessageHandler(PongMessage.class, pong -> client.ponged(this));
        client.opened(this);
    }

    @Override
    public void onClose(Session closed, CloseReason reason) {
        client.dropped(this, reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }

    @Override
    public void onError(Session failed, Throwable error) {
        // Undertow (WildFly) takes 1012-2999 for invalid close codes: a close frame with 1012, 1013 or 1014 comes as
        // WebSocketInvalidCloseCodeException ("UT002026: Invalid close frame status code: 1013"), not as onClose.
        Matcher invalid = UNDERTOW_CLOSE_CODE.matcher(String.valueOf(error.getMessage()));
        if (invalid.find()) {
            client.dropped(this, Integer.parseInt(invalid.group(1)), "");
            return;
        }
        client.dropped(this, CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(), String.valueOf(error));
    }
}
