package io.switchboard.client.runtime;

import io.switchboard.client.SendRefusedException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The messages a client has accepted and not yet written, in order, bounded by count and bytes. The head stays in
 * the buffer while it is written and leaves only when the write succeeded, so a write lost with its connection is
 * written again on the next one, and nothing is written twice that was written once. Not thread-safe: the client
 * guards it.
 */
final class OutboundBuffer {

    /** One accepted message. */
    static final class Outgoing {
        final String text;
        final ByteBuffer binary;
        final long size;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        private Outgoing(String text, ByteBuffer binary, long size) {
            this.text = text;
            this.binary = binary;
            this.size = size;
        }

        static Outgoing text(String text, long utf8Bytes) {
            return new Outgoing(text, null, utf8Bytes);
        }

        static Outgoing binary(ByteBuffer bytes) {
            return new Outgoing(null, bytes.asReadOnlyBuffer(), bytes.remaining());
        }

        /** The bytes to write, from the start each time it is written. */
        ByteBuffer bytes() {
            return binary.duplicate();
        }
    }

    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final int maxMessages;
    private final long maxBytes;
    private long bytes;

    OutboundBuffer(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Whether this message fits within both bounds. */
    boolean fits(long size) {
        return queue.size() < maxMessages && bytes + size <= maxBytes;
    }

    /** Adds at the tail; the caller checked {@link #fits}. */
    void add(Outgoing outgoing) {
        queue.addLast(outgoing);
        bytes += outgoing.size;
    }

    /** The oldest message, or {@code null}. */
    Outgoing head() {
        return queue.peekFirst();
    }

    /** Removes the head once written. */
    Outgoing removeHead() {
        Outgoing head = queue.pollFirst();
        if (head != null) {
            bytes -= head.size;
        }
        return head;
    }

    int size() {
        return queue.size();
    }

    long bytes() {
        return bytes;
    }

    /** Empties the buffer, returning what it held in order, for the caller to fail outside its lock. */
    List<Outgoing> drain() {
        List<Outgoing> all = new ArrayList<>(queue);
        queue.clear();
        bytes = 0;
        return all;
    }

    /** Fails each of these messages with the same refusal. */
    static void fail(List<Outgoing> messages, SendRefusedException.Reason reason, String why) {
        for (Outgoing outgoing : messages) {
            outgoing.done.completeExceptionally(new SendRefusedException(reason, why));
        }
    }
}
