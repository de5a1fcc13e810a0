package io.switchboard.impl.endpoint;

import io.switchboard.impl.handshake.Admission;
import io.switchboard.impl.handshake.HandshakeProperties;
import io.switchboard.impl.handshake.HandshakeRefusal;
import io.switchboard.impl.handshake.HandshakeRefused;
import io.switchboard.impl.handshake.HandshakeScope;
import io.switchboard.impl.security.HandshakeGuard;
import io.switchboard.impl.security.HandshakeView;
import io.switchboard.impl.security.Subprotocols;
import io.switchboard.impl.tracing.EndpointTracing;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configurator of a bridged endpoint: hands the container a {@link BridgeEndpoint} per connection, decides
 * whether a handshake is admitted (its {@link Admission}: origins, access rule, connection limits), keeps the
 * subprotocol token route's token out of negotiation, and delegates every other handshake decision (origin,
 * subprotocol, extensions, handshake changes) to the user's own configurator, which sees its own endpoint class.
 * The container calls it for the endpoint it matched the request to, however the path was spelt: this is where
 * every check that depends on the endpoint is made.
 */
final class BridgeConfigurator extends ServerEndpointConfig.Configurator {

    private final EndpointRuntime runtime;
    private final ServerEndpointConfig.Configurator user;
    private final Admission admission;
    private final String tokenMarker;

    BridgeConfigurator(
            EndpointRuntime runtime,
            ServerEndpointConfig.Configurator user,
            Admission admission,
            HandshakeGuard guard) {
        this.runtime = runtime;
        this.user = user;
        this.admission = admission;
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
        HandshakeScope scope = HandshakeScope.current();
        Admission.Verdict verdict = admission.decide(HandshakeView.of(request), scope);
        EndpointTracing tracing = runtime.tracing();
        if (!verdict.admitted()) {
            runtime.meters().rejected(verdict.refusal().rejection());
            if (tracing.on()) {
                traceRefusal(tracing, request.getHeaders(), verdict.refusal());
            }
            HandshakeRefusal.refuse(verdict.refusal(), scope, request, response, sec.getUserProperties());
            return;
        }
        HandshakeProperties.record(scope, verdict.principal(), sec.getUserProperties());
        if (tracing.on()) {
            Object handshake = tracing.accepted(request.getHeaders());
            if (handshake != null) {
                sec.getUserProperties().put(EndpointTracing.HANDSHAKE, handshake);
            }
        }
        user.modifyHandshake(new UserEndpointConfig(sec, runtime.model().type()), request, response);
    }

    /** The refused handshake's span: the refusal's category and status, never the credentials or the query. */
    private static void traceRefusal(
            EndpointTracing tracing, Map<String, List<String>> headers, Admission.Refusal refusal) {
        tracing.refused(headers, refusal.rejection().name().toLowerCase(Locale.ROOT), refusal.status());
    }

    /**
     * Refuses a disallowed origin. Both containers ask before anything else of the handshake; where the handshake
     * filter runs, the refusal becomes its 403 (Undertow would answer 404 for a plain {@code false}).
     */
    @Override
    public boolean checkOrigin(String originHeaderValue) {
        Admission.Refusal refusal = admission.origin(originHeaderValue);
        if (refusal != null) {
            runtime.meters().rejected(refusal.rejection());
            EndpointTracing tracing = runtime.tracing();
            HandshakeScope scope = HandshakeScope.current();
            if (tracing.on()) {
                // The headers are not at hand here: the filter kept the trace context (bare Tyrus: no parent).
                traceRefusal(tracing, scope == null ? null : scope.traceContext(), refusal);
            }
            if (scope != null) {
                throw new HandshakeRefused(refusal);
            }
            return false; // bare Tyrus answers 403
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
