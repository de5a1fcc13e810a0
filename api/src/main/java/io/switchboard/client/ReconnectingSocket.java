package io.switchboard.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A WebSocket connection to another service that stays up: it reconnects after every drop with exponential backoff
 * and full jitter, watches the link with pings, reads the server's close codes and HTTP statuses to decide whether
 * and when to come back, and keeps what is sent while disconnected in a bounded buffer that flows, in order and
 * once, after the next connect.
 *
 * <p>In CDI, inject one by name; its settings are {@code switchboard.client.<name>.*} (see the README):
 *
 * <pre>{@code
 * @Inject @WebSocketClient("prices") ReconnectingSocket prices;
 *
 * void onPrice(@Observes @WebSocketClient("prices") ClientMessage message) { ... }
 * }</pre>
 *
 * Switchboard closes every client at undeploy (firing no more events: the observers are going away). In plain Java SE,
 * build one with
 * {@code io.switchboard.client.runtime.ReconnectingClient.builder(options)} from {@code switchboard-client}, and
 * close it.
 *
 * <p>Sends never block: each returns a future that completes once the message is written to the socket, or fails with
 * {@link SendRefusedException}. A message written just before a drop may be lost with the connection (WebSocket has
 * no acknowledgements); one not yet written when the connection drops is sent after the reconnect.
 */
public interface ReconnectingSocket extends AutoCloseable {

    /** The client's name, as configured. */
    String name();

    /** Where it connects. */
    URI uri();

    /** Where it stands now. */
    ClientState state();

    /**
     * Starts connecting if the client is {@link ClientState#IDLE} or has {@link ClientState#GAVE_UP}; does nothing
     * otherwise.
     *
     * @throws IllegalStateException if the client is closed
     */
    void connect();

    /**
     * Sends a text message now, or once connected.
     *
     * @param text the message
     * @return completes when written; fails with {@link SendRefusedException}
     */
    CompletableFuture<Void> sendText(String text);

    /**
     * Sends a binary message now, or once connected. The remaining bytes are copied before this returns.
     *
     * @param bytes the message
     * @return completes when written; fails with {@link SendRefusedException}
     */
    CompletableFuture<Void> sendBinary(ByteBuffer bytes);

    /** How many messages wait to be written, including one being written. */
    int buffered();

    /** How many bytes wait to be written (text counted as UTF-8). */
    long bufferedBytes();

    /**
     * Adds callbacks; they see what happens from now on.
     *
     * @param listener the callbacks
     */
    void addListener(ClientListener listener);

    /**
     * Tells a client that waits for a token that a new one is ready: it asks its {@link TokenSupplier} now rather
     * than at its next scheduled look.
     */
    void tokenRenewed();

    /**
     * Closes the connection with 1000, fails what is still buffered with {@link SendRefusedException.Reason#CLOSED},
     * and releases the client's thread. Idempotent.
     */
    @Override
    void close();
}
