package io.switchboard.tck.conformance;

import jakarta.websocket.server.ServerEndpointConfig;

/** A user configurator that creates endpoint instances itself: one shared instance for every connection. */
public class SharedInstanceConfigurator extends ServerEndpointConfig.Configurator {

    private static final SharedEndpoint SHARED = new SharedEndpoint();

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(SHARED);
    }
}
