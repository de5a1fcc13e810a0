package io.switchboard.impl.handshake;

import java.security.Principal;
import java.util.Map;

/**
 * What the handshake established about the peer, handed from the bridge's configurator to the session through the
 * connection's user properties: the WebSocket session sees neither the servlet request nor the filter's scope.
 */
public final class HandshakeProperties {

    /** User property: the peer's address, {@code host:port}; set only where the handshake filter ran. */
    public static final String REMOTE_ADDRESS = "io.switchboard.remoteAddress";
    /** User property: the principal the handshake was admitted as (a {@code JsonWebToken} for a bearer token). */
    public static final String PRINCIPAL = "io.switchboard.principal";

    private HandshakeProperties() {}

    /**
     * Records what an admitted handshake established.
     *
     * @param scope      the handshake filter's scope, or {@code null} where none ran
     * @param principal  the principal it was admitted as, or {@code null} for an anonymous peer
     * @param properties the connection's user properties
     */
    public static void record(HandshakeScope scope, Principal principal, Map<String, Object> properties) {
        if (scope != null) {
            properties.put(REMOTE_ADDRESS, scope.remoteAddress());
        }
        if (principal != null) {
            properties.put(PRINCIPAL, principal);
        }
    }

    /**
     * The principal a session's handshake was admitted as.
     *
     * @param properties the session's user properties
     * @return the principal, or {@code null}
     */
    public static Principal principal(Map<String, Object> properties) {
        return properties.get(PRINCIPAL) instanceof Principal principal ? principal : null;
    }
}
