package io.switchboard.impl.tracing;

/**
 * A span in progress, opaque to its callers. Closing it ends it (and, for a callback, makes whatever was current
 * before it current again); it must be closed on the thread that opened it.
 */
public interface TraceSpan extends AutoCloseable {

    /** The span of nothing, when tracing is off: every call does nothing. */
    TraceSpan NONE = new TraceSpan() {
        @Override
        public void failed(Throwable error) {}

        @Override
        public void close() {}
    };

    /**
     * Marks the span failed, with the error's class name (never its message, which may quote a message's contents).
     *
     * @param error what the traced work threw
     */
    void failed(Throwable error);

    /** Ends the span. */
    @Override
    void close();
}
