package io.switchboard.tck.browserclient;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Records the token a handshake offered in its subprotocols, right after the {@code switchboard.bearer} marker (the
 * way {@code switchboard.js} sends it), in the session's user properties under {@link #TOKEN}; empty for none. The
 * deployments of this package configure no key, so Switchboard does not verify tokens: the page's test tokens are
 * opaque names, and this lets a test see which one each connection carried.
 */
public class TokenRecorder extends ServerEndpointConfig.Configurator {

    /** The user property holding the offered token. */
    public static final String TOKEN = "browser-client.token";

    private static final String MARKER = "switchboard.bearer";

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        List<String> offered = request.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol"))
                .map(Map.Entry::getValue)
                .flatMap(List::stream)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .toList();
        int marker = offered.indexOf(MARKER);
        sec.getUserProperties().put(TOKEN, marker >= 0 && marker + 1 < offered.size() ? offered.get(marker + 1) : "");
    }
}
