package io.switchboard.client.runtime;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;

/**
 * Tells each JSR 356 client container to give a handshake up at {@code connect-timeout}. The client abandons an
 * attempt then either way; this lets the container drop the socket at the same time instead of at its own default.
 */
final class ConnectTimeouts {
    /**
     * Tyrus (Payara, Java SE): {@code ClientProperties.HANDSHAKE_TIMEOUT}, an {@code Integer} of milliseconds. Its
     * value is {@code ...ContainerTimeout}, not the constant's name (Tyrus 2.1); any other key leaves Tyrus at 30 s,
     * and a hung handshake holds up the next attempt that long.
     */
    static final String TYRUS = "org.glassfish.tyrus.client.ClientManager.ContainerTimeout";
    /** Undertow (WildFly): {@code ServerWebSocketContainer.TIMEOUT}, seconds, covering TCP connect and handshake. */
    static final String UNDERTOW = "io.undertow.websocket.CONNECT_TIMEOUT";

    private ConnectTimeouts() {}

    /**
     * Tyrus reads its timeout from the container's own properties, not from the endpoint's configuration
     * ({@code ClientManager.getProperties()}, found by name so that no Tyrus class is needed).
     */
    @SuppressWarnings("unchecked")
    static void apply(WebSocketContainer container, Duration timeout) {
        try {
            Method properties = container.getClass().getMethod("getProperties");
            Object map = properties.invoke(container);
            if (map instanceof Map<?, ?>) {
                ((Map<String, Object>) map).put(TYRUS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            }
        } catch (ReflectiveOperationException | RuntimeException notTyrus) {
            // Another container: the connect-timeout still abandons the attempt.
        }
    }

    /** Undertow reads its timeout from the endpoint configuration's user properties. */
    static void apply(ClientEndpointConfig config, Duration timeout) {
        config.getUserProperties().put(UNDERTOW, Math.max(1, (timeout.toMillis() + 999) / 1000));
    }
}
