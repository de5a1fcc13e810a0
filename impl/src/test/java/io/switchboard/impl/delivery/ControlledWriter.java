package io.switchboard.impl.delivery;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SessionWriter} whose writes complete when the test says: later ({@link #complete}, {@link #fail}), or
 * before {@code write} returns, as some containers do ({@link #completeInline}).
 */
final class ControlledWriter implements SessionWriter {

    /** Every payload whose write started, in order. */
    final List<Payload> started = new ArrayList<>();

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
        if (pending != null) {
            throw new IllegalStateException("a second write started before the first completed");
        }
        started.add(payload);
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
