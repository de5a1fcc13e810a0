package io.switchboard.tck.conformance;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/** A user's own configurator: reads a request header into user properties, adds a response header, checks origins. */
public class ConformanceConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        List<String> client = request.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("X-Client"))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElse(List.of("none"));
        sec.getUserProperties().put("client", client.get(0));
        sec.getUserProperties().put("configuredClass", sec.getEndpointClass().getSimpleName());
        response.getHeaders().put("X-Conformance", List.of("yes"));
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return originHeaderValue == null || !originHeaderValue.contains("evil");
    }
}
