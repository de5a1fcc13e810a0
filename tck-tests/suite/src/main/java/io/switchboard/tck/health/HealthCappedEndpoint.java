package io.switchboard.tck.health;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Echoes; its connection limit comes from the deployment's configuration
 * ({@code switchboard.HealthCappedEndpoint.connections.max}, see {@link HealthScenarios#CONFIG}), so that the
 * readiness check reads it as the handshake gate does.
 */
@ServerEndpoint("/health-capped")
public class HealthCappedEndpoint {

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
