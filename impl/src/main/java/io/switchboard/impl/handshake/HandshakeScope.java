package io.switchboard.impl.handshake;

import io.switchboard.impl.security.HandshakeGuard;
import java.util.List;
import java.util.Map;

/**
 * What the {@link HandshakeFilter} learnt of the upgrade request in progress on this thread: the peer's address and
 * identity. The containers run the whole upgrade inside the filter chain, on the filter's thread (Tyrus's servlet
 * filter and Undertow's {@code JsrWebSocketFilter} both call the endpoint's configurator synchronously), so the
 * bridge's configurator — which alone knows the endpoint the container chose — finds it here. Its presence also
 * tells the configurator that a refusal can still become an HTTP answer: it throws {@link HandshakeRefused}, and the
 * filter answers.
 *
 * @param remoteAddress the peer's {@code host:port}
 * @param identity      who the peer is, established once for the request
 * @param traceContext  the request's W3C trace context headers ({@code traceparent}, {@code tracestate}), for the
 *                      span of a refusal made where the handshake's headers are not at hand (the origin check);
 *                      empty when it has none
 */
public record HandshakeScope(
        String remoteAddress, HandshakeGuard.Identity identity, Map<String, List<String>> traceContext) {

    private static final ThreadLocal<HandshakeScope> CURRENT = new ThreadLocal<>();

    /**
     * The scope of the upgrade request this thread is handling.
     *
     * @return the scope, or {@code null} where no handshake filter runs around the upgrade (bare Tyrus)
     */
    public static HandshakeScope current() {
        return CURRENT.get();
    }

    /** The peer's host, without the port. */
    public String host() {
        int colon = remoteAddress.lastIndexOf(':');
        return colon < 0 ? remoteAddress : remoteAddress.substring(0, colon);
    }

    /** Makes this the current thread's scope; {@link #exit} must follow in a {@code finally}. */
    void enter() {
        CURRENT.set(this);
    }

    /** Ends the current thread's scope. */
    static void exit() {
        CURRENT.remove();
    }
}
