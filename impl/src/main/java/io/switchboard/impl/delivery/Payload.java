package io.switchboard.impl.delivery;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A message ready to write: text or binary, encoded once and shared by every session it goes to.
 */
public final class Payload {

    private final String text;
    private final ByteBuffer binary;
    private final int size;
    /**
     * The whole server-to-client frame, built by the first {@link #frame()} and then shared. Two threads may both
     * build it the first time: each builds the same bytes, so the race costs a copy, never a wrong frame.
     */
    private volatile ByteBuffer frame;

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

    /**
     * The length of {@link #frame()}: the header (2, 4 or 10 bytes) and the data, known without building the frame.
     *
     * @return bytes
     */
    public int frameLength() {
        return headerLength(size) + size;
    }

    private static int headerLength(int length) {
        return length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
    }

    /**
     * The message's bytes: UTF-8 for text. A new array each call.
     *
     * @return the bytes
     */
    public byte[] bytes() {
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[binary.remaining()];
        binary.duplicate().get(copy);
        return copy;
    }

    /** Whether this is a text message. */
    public boolean isText() {
        return text != null;
    }

    /** The text, or {@code null} for a binary message. */
    public String text() {
        return text;
    }

    /** A read-only view of the bytes of a binary message, or {@code null} for a text message. */
    public ByteBuffer binary() {
        return binary == null ? null : binary.duplicate();
    }

    /**
     * This message as one unmasked, unfragmented WebSocket frame without extensions, as a server writes it: built
     * once per payload, so a container fast path writes the same bytes to every session instead of framing the
     * message again for each. Each call returns its own view (position 0, limit at the end of the frame).
     *
     * <p>The view is writable, and the bytes behind it are shared by every session: callers must only read them.
     * It is not read-only because a read-only buffer hides its array, and some container writers (Tyrus's servlet
     * writer) then copy the whole frame once per session.
     *
     * @return the frame
     */
    public ByteBuffer frame() {
        ByteBuffer built = frame;
        if (built == null) {
            built = buildFrame();
            frame = built;
        }
        return built.duplicate();
    }

    private ByteBuffer buildFrame() {
        byte[] data = text != null ? text.getBytes(StandardCharsets.UTF_8) : null;
        int length = data != null ? data.length : binary.remaining();
        // RFC 6455 section 5.2: FIN + opcode, then the length in 7 bits, or 126 + 16 bits, or 127 + 64 bits.
        ByteBuffer built = ByteBuffer.allocate(headerLength(length) + length);
        built.put((byte) (0x80 | (data != null ? 0x1 : 0x2)));
        if (length <= 125) {
            built.put((byte) length);
        } else if (length <= 0xFFFF) {
            built.put((byte) 126).putShort((short) length);
        } else {
            built.put((byte) 127).putLong(length);
        }
        if (data != null) {
            built.put(data);
        } else {
            built.put(binary.duplicate());
        }
        return built.flip();
    }

    /**
     * Sends this message with a container's async remote: {@code sendText}, or {@code sendBinary} of its own view.
     *
     * @param remote  the session's async remote
     * @param handler told when the container has written it
     */
    public void sendTo(RemoteEndpoint.Async remote, SendHandler handler) {
        if (text != null) {
            remote.sendText(text, handler);
        } else {
            // Each session reads its own view: the container moves the position as it writes.
            remote.sendBinary(binary.duplicate(), handler);
        }
    }
}
