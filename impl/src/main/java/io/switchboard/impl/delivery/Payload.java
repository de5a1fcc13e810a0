package io.switchboard.impl.delivery;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;

import java.nio.ByteBuffer;

/**
 * A message ready to write: text or binary, encoded once and shared by every session it goes to.
 */
public final class Payload {

    private final String text;
    private final ByteBuffer binary;
    private final int size;

    private Payload(String text, ByteBuffer binary, int size) {
        this.text = text;
        this.binary = binary;
        this.size = size;
    }

    /**
     * A text message.
     *
     * @param text the text
     * @return the payload
     */
    public static Payload text(String text) {
        return new Payload(text, null, Utf8.length(text));
    }

    /**
     * A binary message of a buffer's remaining bytes. The buffer is copied, so the caller may reuse it.
     *
     * @param bytes the bytes
     * @return the payload
     */
    public static Payload binary(ByteBuffer bytes) {
        ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
        copy.put(bytes.duplicate()).flip();
        return new Payload(null, copy.asReadOnlyBuffer(), copy.capacity());
    }

    /** The size in bytes on the wire (payload only), which counts against a send queue's byte bound. */
    public int size() {
        return size;
    }

    /** Whether this is a text message. */
    public boolean isText() {
        return text != null;
    }

    void sendTo(RemoteEndpoint.Async remote, SendHandler handler) {
        if (text != null) {
            remote.sendText(text, handler);
        } else {
            // Each session reads its own view: the container moves the position as it writes.
            remote.sendBinary(binary.duplicate(), handler);
        }
    }
}
