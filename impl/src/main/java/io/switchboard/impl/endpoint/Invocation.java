package io.switchboard.impl.endpoint;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * Everything a callback's parameters can be drawn from, for one call.
 *
 * @param session the session
 * @param config  the endpoint config ({@code @OnOpen} only)
 * @param reason  the close reason ({@code @OnClose} only)
 * @param error   the error ({@code @OnError} only)
 * @param message the message ({@code @OnMessage} only)
 * @param last    whether a partial message is the last part
 */
record Invocation(
        Session session, EndpointConfig config, CloseReason reason, Throwable error, Object message, boolean last) {

    static Invocation open(Session session, EndpointConfig config) {
        return new Invocation(session, config, null, null, null, true);
    }

    static Invocation close(Session session, CloseReason reason) {
        return new Invocation(session, null, reason, null, null, true);
    }

    static Invocation error(Session session, Throwable error) {
        return new Invocation(session, null, null, error, null, true);
    }

    static Invocation message(Session session, Object message, boolean last) {
        return new Invocation(session, null, null, null, message, last);
    }
}
