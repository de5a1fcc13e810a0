package io.switchboard.client;

import java.nio.ByteBuffer;

/**
 * A message a client received. Fired as a CDI event qualified with the client's {@link WebSocketClient} name, after
 * the {@link ClientListener}s have seen it, on the client's receiving thread and in the order received.
 *
 * @param client the client's name
 * @param text   the text, or {@code null} for a binary message
 * @param binary the bytes (read-only), or {@code null} for a text message
 */
public record ClientMessage(String client, String text, ByteBuffer binary) {

    /** Whether this is a text message. */
    public boolean isText() {
        return text != null;
    }
}
