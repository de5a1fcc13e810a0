package io.switchboard.impl.endpoint;

import io.switchboard.impl.delivery.Utf8;
import java.nio.ByteBuffer;

/** The size in bytes of a received message or part, as the limits count it. */
final class MessageSizes {

    private MessageSizes() {}

    /**
     * The size of a text or binary message in bytes (UTF-8 for text), or -1 for forms whose size is not known
     * here (streams, decoded objects, pongs).
     *
     * @param message the message or part
     */
    static long of(Object message) {
        if (message instanceof String text) {
            return Utf8.length(text);
        }
        if (message instanceof ByteBuffer bytes) {
            return bytes.remaining();
        }
        if (message instanceof byte[] bytes) {
            return bytes.length;
        }
        return -1;
    }
}
