package io.switchboard.impl.delivery.tyrus;

import io.switchboard.impl.delivery.Payload;
import io.switchboard.impl.delivery.SessionWriter;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a payload's prebuilt frame ({@link Payload#frame()}) to one Tyrus connection with
 * {@code TyrusWebSocket.sendRawFrame}, and tells the handler when Tyrus's future completes: inline when the write
 * completed within the call, else on the thread that completes it.
 *
 * <p>Several waiting messages ({@link #writeAll}) go as one buffer holding their frames one after the other: the
 * bytes on the wire are those of as many single writes, and the connection takes them in one write, so one system
 * call where Tyrus writes at once (Grizzly, Payara's servlet writer). The copy costs far less than the calls it saves
 * for the small frames it is used for (at most {@link #GATHER_BYTES} in all).
 */
final class RawFrameWriter implements SessionWriter {

    private static final Logger LOG = Logger.getLogger(RawFrameWriter.class.getName());
    /** Frames written through the fast path, for tests. */
    static final LongAdder WRITES = new LongAdder();
    /** Messages written in gathered writes, for tests. */
    static final LongAdder GATHERED = new LongAdder();
    /** The most frame bytes in one gathered write. */
    static final int GATHER_BYTES = 64 * 1024;

    private final Session session;
    private final Object webSocket;
    private final TyrusInternals tyrus;
    private final Lock sendLock;

    RawFrameWriter(Session session, Object webSocket, TyrusInternals tyrus) throws Throwable {
        this.session = session;
        this.webSocket = webSocket;
        this.tyrus = tyrus;
        this.sendLock = tyrus.sendLockOf(webSocket);
    }

    @Override
    public void write(Payload payload, SendHandler handler) {
        send(payload.frame(), handler);
    }

    @Override
    public int gatherBytes() {
        return GATHER_BYTES;
    }

    @Override
    public void writeAll(Payload[] payloads, SendHandler handler) {
        int length = 0;
        for (Payload payload : payloads) {
            length += payload.frameLength();
        }
        ByteBuffer frames = ByteBuffer.allocate(length);
        for (Payload payload : payloads) {
            frames.put(payload.frame());
        }
        if (send(frames.flip(), handler)) {
            GATHERED.add(payloads.length);
        }
    }

    /** Writes whole frames; returns whether they were handed to the connection. */
    private boolean send(ByteBuffer frames, SendHandler handler) {
        Object written;
        // Under Tyrus's send lock, after seeing the session open: a frame never follows the close frame, which
        // browsers take for a protocol error (1006 "Data frame received after close") instead of the close code.
        sendLock.lock();
        try {
            if (!session.isOpen()) {
                written = new IOException("The session is closed");
            } else {
                // Tyrus's own sends restart the session's idle timer, so sending counts as activity. Tyrus does it
                // even without a timeout (0), scheduling a task that then does nothing through the container's
                // scheduler (Payara's is a managed executor); only a positive timeout needs it.
                if (session.getMaxIdleTimeout() > 0) {
                    tyrus.restartIdleTimer(session);
                }
                written = tyrus.sendRawFrame(webSocket, frames);
            }
        } catch (Throwable e) {
            written = e;
        } finally {
            sendLock.unlock();
        }
        if (written instanceof Throwable e) {
            // Nothing was handed to the connection (it is closed, or a partial message of the user's held it too
            // long): the write failed, and this is the only report of it. Reported outside Tyrus's lock.
            handler.onResult(new SendResult(e));
            return false;
        }
        WRITES.increment();
        if (written instanceof CompletionStage<?> stage) {
            stage.whenComplete((frame, error) -> report(handler, error));
        } else {
            // TyrusInternals checked this type before choosing the fast path; this would be a different Tyrus.
            handler.onResult(new SendResult(
                    new IllegalStateException("Tyrus's sendRawFrame returned " + written + ", not a CompletionStage")));
        }
        return true;
    }

    /**
     * Writes a ping frame (opcode 9, 8 bytes of payload) straight to the connection: Tyrus's own {@code sendPing}
     * restarts the idle timer and frames through the general path for every ping, which made a heartbeat cost
     * several times a data frame. Its completion is not awaited: an unanswered ping is the heartbeat's business.
     */
    @Override
    public void ping(long stamp) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(2 + Long.BYTES);
        frame.put((byte) 0x89).put((byte) Long.BYTES).putLong(stamp).flip();
        sendLock.lock();
        try {
            if (!session.isOpen()) {
                return; // closing: no ping goes after its close frame, and none is needed
            }
            tyrus.sendRawFrame(webSocket, frame);
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("Ping failed", e);
        } finally {
            sendLock.unlock();
        }
    }

    private static void report(SendHandler handler, Throwable error) {
        try {
            if (error == null) {
                handler.onResult(new SendResult());
            } else {
                handler.onResult(new SendResult(
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error));
            }
        } catch (RuntimeException e) {
            // whenComplete would keep this in a future nobody reads; the portable path lets Tyrus see it.
            LOG.log(Level.WARNING, "Switchboard: a send completion failed", e);
        }
    }
}
