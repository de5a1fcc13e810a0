package io.switchboard.impl.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The subprotocol route for tokens: a browser offers {@code [marker, token]} (plus any real subprotocols); the
 * server reads the token after the marker, negotiates among the rest, and selects the marker when nothing else
 * is chosen, because a browser fails a handshake whose response selects none of the protocols it offered.
 */
public final class Subprotocols {

    private Subprotocols() {}

    /**
     * The protocols a client offered, in order, from the {@code Sec-WebSocket-Protocol} header lines.
     *
     * @param headerValues the header's values
     * @return the protocols, trimmed
     */
    static List<String> offered(List<String> headerValues) {
        List<String> offered = new ArrayList<>();
        for (String line : headerValues) {
            for (String protocol : line.split(",")) {
                offered.add(protocol.trim());
            }
        }
        return offered;
    }

    /**
     * The offered protocols without the marker and the token that follows it: what the endpoint negotiates among.
     *
     * @param requested the protocols the client offered, as the container passes them
     * @param marker    the marker
     * @return the protocols the client really asked for
     */
    public static List<String> withoutToken(List<String> requested, String marker) {
        int at = requested.indexOf(marker);
        if (at < 0) {
            return requested;
        }
        List<String> rest = new ArrayList<>(requested);
        rest.remove(at);
        if (at < rest.size()) {
            rest.remove(at); // the token
        }
        return rest;
    }
}
