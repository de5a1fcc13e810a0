package io.switchboard.impl.handshake;

import io.switchboard.impl.security.HandshakeGuard;

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
 */
public record HandshakeScope(String remoteAddress, HandshakeGuard.Identity identity) {

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
