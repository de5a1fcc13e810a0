package io.switchboard.impl.delivery.tyrus;

import io.switchboard.impl.delivery.FastPath;
import io.switchboard.impl.delivery.SessionWriter;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives Tyrus server sessions a writer that sends each message's frame built once (see the package description). A
 * session with a negotiated extension (per-message deflate rewrites every frame) keeps the portable writer; so does
 * every session when Tyrus's internals are not as expected, which is logged once per deployment.
 *
 * <p>Found by {@link io.switchboard.impl.delivery.FastPaths} through the impl jar's
 * {@code META-INF/services/io.switchboard.impl.delivery.FastPath}. Instances are interchangeable: what is learnt of
 * Tyrus's classes is kept per class loader, in static fields, as before it became a service.
 */
public final class TyrusFastPath implements FastPath {

    private static final Logger LOG = Logger.getLogger(TyrusFastPath.class.getName());
    /** Sessions given the fast writer, for tests. */
    static final LongAdder SESSIONS = new LongAdder();

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    /** The members found for the sessions seen last: one kind per deployment in practice. */
    private static volatile Object found;

    /** For {@link java.util.ServiceLoader}. */
    public TyrusFastPath() {}

    /**
     * The fast writer for a session that just opened.
     *
     * @param session the session
     * @return the writer, or {@code null} when the fast path does not apply to this session
     */
    @Override
    public SessionWriter writerFor(Session session) {
        if (!(session.getContainer() instanceof ServerContainer)) {
            return null; // a client's frames must be masked, each with its own key: nothing to share
        }
        if (!session.getNegotiatedExtensions().isEmpty()) {
            return null; // an extension may transform frames: Tyrus must frame each message itself
        }
        RawFrameWriter writer;
        try {
            TyrusInternals tyrus = internalsFor(session);
            Object webSocket = tyrus.webSocketOf(session);
            tyrus.skipIdleTimerWithoutTimeout(session);
            writer = new RawFrameWriter(session, webSocket, tyrus);
        } catch (Throwable e) {
            announce(
                    Level.INFO,
                    "Switchboard: the Tyrus fast path does not apply (" + e.getMessage()
                            + "): sessions use the portable async sends");
            return null;
        }
        announce(
                Level.INFO,
                "Switchboard: Tyrus fast path on: a message sent to many sessions is framed once and the"
                        + " same frame written to each session without extensions (switchboard.fast-path=false turns it off)");
        SESSIONS.increment();
        return writer;
    }

    /**
     * Guards a server session against a second, concurrent ending when its peer answers a close the server started
     * ({@link EchoedCloseGuard}), with or without the fast writer.
     *
     * @param session the session
     */
    @Override
    public void opened(Session session) {
        if (!(session.getContainer() instanceof ServerContainer)) {
            return;
        }
        try {
            EchoedCloseGuard.guard(internalsFor(session).webSocketOf(session));
        } catch (Throwable e) {
            // Not Tyrus, or not the Tyrus we know: writerFor says so once.
            LOG.log(Level.FINE, "Switchboard: no guard for a close the peer answers at once", e);
        }
    }

    /** The members for this session's classes, found once; a failure is remembered too, so it is not retried. */
    private static TyrusInternals internalsFor(Session session) {
        Object last = found;
        if (last instanceof TyrusInternals tyrus && tyrus.fits(session)) {
            return tyrus;
        }
        if (last instanceof UnsupportedOperationException failure) {
            throw failure;
        }
        try {
            TyrusInternals tyrus = TyrusInternals.of(session);
            found = tyrus;
            return tyrus;
        } catch (UnsupportedOperationException e) {
            found = e;
            throw e;
        }
    }

    private static void announce(Level level, String message) {
        if (ANNOUNCED.compareAndSet(false, true)) {
            LOG.log(level, message);
        }
    }
}
