package io.switchboard.impl.endpoint;

import io.switchboard.impl.handshake.HandshakeProperties;
import io.switchboard.impl.metrics.Rejection;
import io.switchboard.impl.security.EndpointSecurity;
import io.switchboard.impl.security.HandshakeGuard;
import io.switchboard.impl.security.HandshakeRefusal;
import io.switchboard.impl.security.HandshakeView;
import io.switchboard.impl.security.Subprotocols;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * The configurator of a bridged endpoint: hands the container a {@link BridgeEndpoint} per connection, applies
 * the endpoint's access rule where the handshake filter did not, keeps the subprotocol token route's token out of
 * negotiation, and delegates every other handshake decision (origin, subprotocol, extensions, handshake changes)
 * to the user's own configurator, which sees its own endpoint class.
 */
final class BridgeConfigurator extends ServerEndpointConfig.Configurator {

    private final EndpointRuntime runtime;
    private final ServerEndpointConfig.Configurator user;
    private final EndpointSecurity security;
    private final HandshakeGuard guard;
    private final String tokenMarker;

    BridgeConfigurator(EndpointRuntime runtime, ServerEndpointConfig.Configurator user, EndpointSecurity security,
                       HandshakeGuard guard) {
        this.runtime = runtime;
        this.user = user;
        this.security = security;
        this.guard = guard;
        this.tokenMarker = guard.subprotocolMarker();
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
        if (HandshakeProperties.capture(request, sec.getUserProperties())) {
            // The filter checked this request before the upgrade and made its principal the request's.
            HandshakeProperties.identify(request.getUserPrincipal(), sec.getUserProperties());
        } else {
            HandshakeGuard.Decision decision = guard.check(security, HandshakeView.of(request));
            if (!decision.passes()) {
                runtime.meters().rejected(Rejection.of(decision));
                HandshakeRefusal.refuse(decision, request, response, sec.getUserProperties());
                return;
            }
            HandshakeProperties.identify(decision.principal(), sec.getUserProperties());
        }
        user.modifyHandshake(new UserEndpointConfig(sec, runtime.model().type()), request, response);
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        if (originHeaderValue != null && !security.originAllowed(List.of(originHeaderValue))) {
            // Where the filter ran, it refused this already; here no filter ran (bare Tyrus answers 403).
            runtime.meters().rejected(Rejection.ORIGIN);
            return false;
        }
        return user.checkOrigin(originHeaderValue);
    }

    /**
     * Negotiates among what the client really asked for: the token route's marker and token are taken out. When
     * nothing else is chosen and the client offered the marker, the marker is selected, because a browser fails
     * a handshake that selects none of its offers. The token is never selected.
     */
    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        List<String> asked = Subprotocols.withoutToken(requested, tokenMarker);
        String chosen = user.getNegotiatedSubprotocol(supported, asked);
        if ((chosen == null || chosen.isEmpty()) && asked.size() != requested.size()) {
            return tokenMarker;
        }
        return chosen;
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return user.getNegotiatedExtensions(installed, requested);
    }
}
