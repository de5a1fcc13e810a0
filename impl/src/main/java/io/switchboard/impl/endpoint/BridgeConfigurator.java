package io.switchboard.impl.endpoint;

import io.switchboard.impl.handshake.HandshakeProperties;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * The configurator of a bridged endpoint: hands the container a {@link BridgeEndpoint} per connection and
 * delegates every handshake decision (origin, subprotocol, extensions, handshake changes) to the user's own
 * configurator, which sees its own endpoint class.
 */
final class BridgeConfigurator extends ServerEndpointConfig.Configurator {

    private final EndpointRuntime runtime;
    private final ServerEndpointConfig.Configurator user;

    BridgeConfigurator(EndpointRuntime runtime, ServerEndpointConfig.Configurator user) {
        this.runtime = runtime;
        this.user = user;
    }

    ServerEndpointConfig.Configurator user() {
        return user;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(new BridgeEndpoint(runtime));
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        HandshakeProperties.capture(request, sec.getUserProperties());
        user.modifyHandshake(new UserEndpointConfig(sec, runtime.model().type()), request, response);
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return user.checkOrigin(originHeaderValue);
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return user.getNegotiatedSubprotocol(supported, requested);
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return user.getNegotiatedExtensions(installed, requested);
    }
}
