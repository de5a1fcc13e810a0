package io.switchboard.impl.endpoint;

import java.nio.ByteBuffer;

/** The size in bytes of a received message or part, as the limits count it. */
final class MessageSizes {

    private MessageSizes() {
    }

    /**
     * The size of a text or binary message in bytes (UTF-8 for text), or -1 for forms whose size is not known
     * here (streams, decoded objects, pongs).
     *
     * @param message the message or part
     */
    static long of(Object message) {
        if (message instanceof String text) {
            return utf8Length(text);
        }
        if (message instanceof ByteBuffer bytes) {
            return bytes.remaining();
        }
        if (message instanceof byte[] bytes) {
            return bytes.length;
        }
        return -1;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
