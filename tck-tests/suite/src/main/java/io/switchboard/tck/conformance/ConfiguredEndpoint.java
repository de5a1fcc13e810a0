package io.switchboard.tck.conformance;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;

/** Uses {@link ConformanceConfigurator}; reports what it set, per connection. */
@ServerEndpoint(value = "/configured", configurator = ConformanceConfigurator.class)
public class ConfiguredEndpoint {

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        session.getBasicRemote()
                .sendText("client:" + session.getUserProperties().get("client")
                        + "|configured:" + session.getUserProperties().get("configuredClass")
                        + "|config:"
                        + ((ServerEndpointConfig) config).getEndpointClass().getSimpleName());
    }
}
