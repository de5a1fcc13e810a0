package io.switchboard.impl.delivery;

import jakarta.websocket.Session;

/**
 * A container's fast path: a {@link SessionWriter} that writes past the portable async remote for the sessions it
 * recognises. Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.switchboard.impl.delivery.FastPath} entry), so that another container's fast path is a
 * new jar beside the impl jar rather than an edit of {@link FastPaths}, and so that this package never refers to a
 * container's package (Tyrus's lives in {@code impl.delivery.tyrus}, which depends on this one).
 *
 * <p>An implementation needs a public no-argument constructor; one instance serves every session of every deployment
 * that shares its class loader, so it keeps no per-deployment state of its own.
 */
public interface FastPath {

    /**
     * The fast writer for a session that just opened, if this fast path applies to it.
     *
     * @param session the session
     * @return its writer, or {@code null} when this fast path does not apply (another container, a negotiated
     *         extension, internals not as expected): the next fast path, else the portable writer, is used
     */
    SessionWriter writerFor(Session session);

    /**
     * Called for every session that opens, before {@link #writerFor} and whether or not {@code switchboard.fast-path}
     * lets fast writers be used: a correction a container needs for every session goes here (Tyrus's: see
     * {@code EchoedCloseGuard}). Does nothing by default; must not throw.
     *
     * @param session the session, in its {@code onOpen}
     */
    default void opened(Session session) {}
}
