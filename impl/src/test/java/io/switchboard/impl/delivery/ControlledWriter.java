package io.switchboard.impl.delivery;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SessionWriter} whose writes complete when the test says: later ({@link #complete}, {@link #fail}), or
 * before {@code write} returns, as some containers do ({@link #completeInline}). Given a byte bound, it also takes
 * gathered writes ({@link #writeAll}), as a container fast path does.
 */
final class ControlledWriter implements SessionWriter {

    /** Every payload whose write started, in order. */
    final List<Payload> started = new ArrayList<>();
    /** The payloads of each write, in order: one, or several for a gathered write. */
    final List<List<Payload>> writes = new ArrayList<>();

    private final int gatherBytes;

    /** A writer that writes each message alone. */
    ControlledWriter() {
        this(0);
    }

    /** @param gatherBytes the most frame bytes it takes in one gathered write */
    ControlledWriter(int gatherBytes) {
        this.gatherBytes = gatherBytes;
    }

    private SendHandler pending;
    private boolean inline;
    private int depth;
    int deepest;

    /** Whether writes from now on complete before {@code write} returns. */
    void completeInline(boolean inline) {
        this.inline = inline;
    }

    boolean writing() {
        return pending != null;
    }

    void complete() {
        finish(new SendResult());
    }

    void fail() {
        finish(new SendResult(new IOException("broken pipe")));
    }

    private void finish(SendResult result) {
        if (pending == null) {
            throw new IllegalStateException("no write under way");
        }
        SendHandler handler = pending;
        pending = null;
        handler.onResult(result);
    }

    @Override
    public void write(Payload payload, SendHandler handler) {
        start(List.of(payload), handler);
    }

    @Override
    public int gatherBytes() {
        return gatherBytes;
    }

    @Override
    public void writeAll(Payload[] payloads, SendHandler handler) {
        if (gatherBytes == 0) {
            throw new IllegalStateException("a gathered write to a writer that does not gather");
        }
        int frames = 0;
        for (Payload payload : payloads) {
            frames += payload.frameLength();
        }
        if (payloads.length < 2 || frames > gatherBytes) {
            throw new IllegalStateException(
                    payloads.length + " messages, " + frames + " frame bytes gathered, bound " + gatherBytes);
        }
        start(List.of(payloads), handler);
    }

    private void start(List<Payload> payloads, SendHandler handler) {
        if (pending != null) {
            throw new IllegalStateException("a second write started before the first completed");
        }
        started.addAll(payloads);
        writes.add(payloads);
        if (inline) {
            depth++;
            deepest = Math.max(deepest, depth);
            handler.onResult(new SendResult());
            depth--;
        } else {
            pending = handler;
        }
    }

    @Override
    public void ping(long stamp) {}
}
