package io.switchboard.impl.delivery.undertow;

import io.switchboard.impl.delivery.Payload;
import io.switchboard.impl.delivery.SessionWriter;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The portable async sends, and for several waiting messages ({@link #writeAll}) one batch of them: batching on,
 * each message's {@code sendText}/{@code sendBinary}, batching off, {@code flushBatch()}. Undertow queues the
 * batch's frames until the flush and then writes them with one gathering write; each send's handler is called after
 * that write, and the outbox is told once, when the last has been (or at the first failure).
 *
 * <p>Undertow's batching flag belongs to the connection: while it is on, any frame queued on the connection waits
 * for a flush. It is on only for the few calls that queue the batch, on the thread that queues it, and the flush
 * comes after it is turned off, so a frame another thread (the application, a pong, a close) queued meanwhile goes
 * out with the batch rather than waiting.
 */
final class BatchingWriter implements SessionWriter {

    /** Writes: single messages and batches (one flush each), for tests and the bench. */
    static final LongAdder WRITES = new LongAdder();
    /** Messages sent in batches, for tests and the bench. */
    static final LongAdder BATCHED = new LongAdder();
    /** The most frame bytes in one batch. */
    static final int BATCH_BYTES = 64 * 1024;

    private final Session session;
    private final SessionWriter portable;

    BatchingWriter(Session session) {
        this.session = session;
        this.portable = SessionWriter.portable(session);
    }

    @Override
    public void write(Payload payload, SendHandler handler) {
        portable.write(payload, handler);
        WRITES.increment();
    }

    @Override
    public void ping(long stamp) throws IOException {
        portable.ping(stamp);
    }

    @Override
    public int gatherBytes() {
        return BATCH_BYTES;
    }

    @Override
    public void writeAll(Payload[] payloads, SendHandler handler) {
        RemoteEndpoint.Async remote = session.getAsyncRemote();
        AllSent all = new AllSent(payloads.length, handler);
        try {
            remote.setBatchingAllowed(true);
        } catch (IOException | RuntimeException e) {
            all.failed(e);
            return;
        }
        int sent = 0;
        try {
            for (Payload payload : payloads) {
                payload.sendTo(remote, all);
                sent++;
            }
        } catch (RuntimeException e) {
            all.failed(e);
        } finally {
            try {
                remote.setBatchingAllowed(false);
                remote.flushBatch();
            } catch (IOException | RuntimeException e) {
                all.failed(e);
            }
        }
        WRITES.increment();
        BATCHED.add(sent);
    }

    /** Tells the outbox once: when every send of the batch completed, or at the first that failed. */
    private static final class AllSent implements SendHandler {
        private final AtomicInteger waiting;
        private final SendHandler handler;

        AllSent(int sends, SendHandler handler) {
            this.waiting = new AtomicInteger(sends);
            this.handler = handler;
        }

        @Override
        public void onResult(SendResult result) {
            if (!result.isOK()) {
                tell(result);
            } else if (waiting.decrementAndGet() == 0) {
                handler.onResult(result);
            }
        }

        void failed(Throwable error) {
            tell(new SendResult(error));
        }

        private void tell(SendResult failure) {
            // Past zero: the outbox is told of the first failure only, and of no success after it.
            if (waiting.getAndSet(Integer.MIN_VALUE) > 0) {
                handler.onResult(failure);
            }
        }
    }
}
