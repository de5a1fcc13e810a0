package io.switchboard.impl.handshake;

import jakarta.websocket.server.HandshakeRequest;

import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the {@link HandshakeFilter} learns of an upgrade request and hands to the endpoint's session. The
 * filter sees the servlet request; the WebSocket side sees only a {@link HandshakeRequest}. The filter puts
 * what it knows into a request header of its own (stripping any the client sent), the bridge's configurator
 * copies it into the connection's user properties, and the session reads it from there.
 */
public final class HandshakeProperties {

    /** The header the filter adds to an upgrade request; a client's own value is never seen. */
    public static final String HEADER = "X-Switchboard-Remote-Address";
    /** User property: the peer's address, {@code host:port}. */
    public static final String REMOTE_ADDRESS = "io.switchboard.remoteAddress";
    /** User property: the principal the handshake was admitted as (a {@code JsonWebToken} for a bearer token). */
    public static final String PRINCIPAL = "io.switchboard.principal";

    /**
     * A secret of this deployment that prefixes the header's value. The filter hides any header of that name
     * the client sent, so this matters only if the filter did not run first: a forged value then lacks the
     * secret and is ignored, rather than taken for the peer's address.
     */
    private static final String SECRET = newSecret();

    private HandshakeProperties() {
    }

    /**
     * Copies what the filter learnt from the handshake request into a connection's user properties.
     *
     * @param request    the handshake request as the container presents it
     * @param properties the connection's user properties
     * @return whether the filter saw the request (else it reached the container some other way, or no filter runs)
     */
    public static boolean capture(HandshakeRequest request, Map<String, Object> properties) {
        List<String> values = request.getHeaders().get(HEADER);
        if (values == null) {
            // Header names are case-insensitive; not every container's map is.
            values = request.getHeaders().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(HEADER))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (values != null && values.size() == 1 && values.get(0).startsWith(SECRET)) {
            properties.put(REMOTE_ADDRESS, values.get(0).substring(SECRET.length()));
            return true;
        }
        return false;
    }

    /**
     * Records whom the handshake was admitted as.
     *
     * @param principal  the principal, or {@code null} for an anonymous peer
     * @param properties the connection's user properties
     */
    public static void identify(Principal principal, Map<String, Object> properties) {
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

    /**
     * The header value the filter sets for a peer.
     *
     * @param remoteAddress the peer's {@code host:port}
     * @return the value, which only {@link #capture} reads back
     */
    static String headerValue(String remoteAddress) {
        return SECRET + remoteAddress;
    }

    private static String newSecret() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random) + " ";
    }
}
