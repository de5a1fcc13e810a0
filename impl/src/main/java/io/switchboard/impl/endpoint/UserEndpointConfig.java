package io.switchboard.impl.endpoint;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * The container's config of a bridged endpoint, as the user's code expects to see it: the endpoint class is
 * the user's, everything else (user properties above all) is the container's, per connection.
 */
final class UserEndpointConfig implements ServerEndpointConfig {

    private final ServerEndpointConfig container;
    private final Class<?> userType;

    UserEndpointConfig(ServerEndpointConfig container, Class<?> userType) {
        this.container = container;
        this.userType = userType;
    }

    @Override
    public Class<?> getEndpointClass() {
        return userType;
    }

    @Override
    public String getPath() {
        return container.getPath();
    }

    @Override
    public List<String> getSubprotocols() {
        return container.getSubprotocols();
    }

    @Override
    public List<Extension> getExtensions() {
        return container.getExtensions();
    }

    @Override
    public Configurator getConfigurator() {
        Configurator configurator = container.getConfigurator();
        return configurator instanceof BridgeConfigurator bridge ? bridge.user() : configurator;
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return container.getEncoders();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return container.getDecoders();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return container.getUserProperties();
    }
}
