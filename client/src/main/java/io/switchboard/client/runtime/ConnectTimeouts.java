package io.switchboard.client.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * The user properties by which each JSR 356 client container bounds a handshake. The client abandons an attempt
 * at {@code connect-timeout} either way; these let the container give up the socket at the same time instead of at
 * its own default.
 */
final class ConnectTimeouts {
    /** Tyrus (Payara, Java SE): {@code ClientProperties.HANDSHAKE_TIMEOUT}, milliseconds. */
    static final String TYRUS = "org.glassfish.tyrus.client.ClientManager.HandshakeTimeout";
    /** Undertow (WildFly): {@code ServerWebSocketContainer.TIMEOUT}, whole seconds. */
    static final String UNDERTOW = "io.undertow.websocket.CONNECT_TIMEOUT";

    private ConnectTimeouts() {}

    static Map<String, Object> properties(Duration timeout) {
        return Map.of(TYRUS, timeout.toMillis(), UNDERTOW, (int) Math.max(1, (timeout.toMillis() + 999) / 1000));
    }
}
