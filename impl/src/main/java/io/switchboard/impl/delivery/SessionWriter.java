package io.switchboard.impl.delivery;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

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
     * The standard way: {@code session.getAsyncRemote().sendText/sendBinary}.
     *
     * @param session the session
     * @return the writer
     */
    static SessionWriter portable(Session session) {
        return (payload, handler) -> payload.sendTo(session.getAsyncRemote(), handler);
    }
}
