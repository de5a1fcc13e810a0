package io.switchboard.impl.delivery.undertow;

import io.switchboard.impl.delivery.FastPath;
import io.switchboard.impl.delivery.SessionWriter;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Gives Undertow's server sessions a writer that sends the messages waiting for a session as one batch
 * ({@link BatchingWriter}). Recognises them by the session's class, Undertow's {@code UndertowSession}: the batching
 * semantics relied on (the batch's sends may all be started at once, each completes after the flush, and the flush
 * writes them together) are Undertow's.
 *
 * <p>Found by {@link io.switchboard.impl.delivery.FastPaths} through the impl jar's
 * {@code META-INF/services/io.switchboard.impl.delivery.FastPath}; {@code switchboard.fast-path=false} turns it off
 * with the others.
 */
public final class UndertowFastPath implements FastPath {

    private static final Logger LOG = Logger.getLogger(UndertowFastPath.class.getName());
    private static final String UNDERTOW_SESSION = "io.undertow.websockets.jsr.UndertowSession";
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    /** For {@link java.util.ServiceLoader}. */
    public UndertowFastPath() {}

    @Override
    public SessionWriter writerFor(Session session) {
        if (!(session.getContainer() instanceof ServerContainer)
                || !session.getClass().getName().equals(UNDERTOW_SESSION)) {
            return null;
        }
        if (ANNOUNCED.compareAndSet(false, true)) {
            LOG.info("Switchboard: Undertow batched writes on: messages waiting for a session are sent as one batch"
                    + " and flushed together (switchboard.fast-path=false turns it off)");
        }
        return new BatchingWriter(session);
    }
}
