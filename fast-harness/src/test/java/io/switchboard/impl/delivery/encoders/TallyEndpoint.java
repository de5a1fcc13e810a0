package io.switchboard.impl.delivery.encoders;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/** Answers each text with a {@link Tally} of its length, through {@link RecordingEncoder}. */
@ServerEndpoint(value = "/tally", encoders = RecordingEncoder.class, configurator = TallyEndpoint.PerConnection.class)
public class TallyEndpoint {

    @OnMessage
    public Tally count(String text) {
        return new Tally(text.length());
    }

    /** Puts a property in every connection's user properties: the endpoint's encoders must not see it. */
    public static class PerConnection extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            config.getUserProperties().put("connection", request.getQueryString());
        }
    }
}
