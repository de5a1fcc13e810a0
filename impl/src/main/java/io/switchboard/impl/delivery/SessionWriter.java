package io.switchboard.impl.delivery;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How an {@link Outbox} writes one message to its session. The portable writer uses the session's async remote;
 * a container fast path (see {@link FastPaths}) may write a frame built once for every session instead.
 */
public interface SessionWriter {

    /**
     * Starts writing a message; the handler is told once, possibly before this method returns.
     *
     * @param payload the message
     * @param handler told when the write completed or failed
     */
    void write(Payload payload, SendHandler handler);

    /**
     * The most frame bytes ({@link Payload#frameLength()}) this writer takes in one {@link #writeAll} call, or 0 when
     * it writes each message alone (the default: the standard API sends one message per call).
     *
     * @return bytes
     */
    default int gatherBytes() {
        return 0;
    }

    /**
     * Starts writing several messages, in order, as one write to the connection: the same frames as as many
     * {@link #write} calls, in fewer system calls. Called only by writers whose {@link #gatherBytes()} is positive,
     * with at least two messages whose frames add up to no more than it. The handler is told once, for all of them.
     *
     * @param payloads the messages, oldest first
     * @param handler  told when the write completed or failed
     */
    default void writeAll(Payload[] payloads, SendHandler handler) {
        throw new UnsupportedOperationException("this writer writes one message at a time");
    }

    /**
     * Sends a heartbeat ping whose 8-byte payload is {@code stamp}, without waiting for it to be written.
     *
     * @param stamp the payload, given back by the pong
     * @throws IOException if the connection is gone
     */
    void ping(long stamp) throws IOException;

    /**
     * The standard way: {@code session.getAsyncRemote().sendText/sendBinary/sendPing}.
     *
     * @param session the session
     * @return the writer
     */
    static SessionWriter portable(Session session) {
        return new SessionWriter() {
            @Override
            public void write(Payload payload, SendHandler handler) {
                payload.sendTo(session.getAsyncRemote(), handler);
            }

            @Override
            public void ping(long stamp) throws IOException {
                session.getAsyncRemote()
                        .sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, stamp));
            }
        };
    }
}
