package io.switchboard.impl.handshake;

import io.switchboard.impl.cdi.LazyBean;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.security.HandshakeGuard;
import io.switchboard.impl.security.HandshakeView;
import io.switchboard.impl.session.SessionRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs around the container's WebSocket upgrade (it is registered ahead of Tyrus's and Undertow's filters). It does
 * not guess which endpoint a path leads to: the containers read paths in their own ways, and a guess that differs
 * from theirs is a way around every check. Instead, for a request that could become a WebSocket, it
 * <ol>
 *   <li>refuses while the application stops (503);</li>
 *   <li>establishes the peer's identity (a bearer token, verified once) and makes a verified token the request's
 *       principal, which both containers give the WebSocket session;</li>
 *   <li>opens a {@link HandshakeScope} for the thread, through which the bridge's configurator — called by the
 *       container for the endpoint it chose — learns the peer's address and identity, and decides;</li>
 *   <li>answers the configurator's {@link HandshakeRefused} with its HTTP status (401, 403, 429, 503) before any
 *       upgrade.</li>
 * </ol>
 */
public class HandshakeFilter extends HttpFilter {

    /** The servlet context attribute under which the registrar leaves the deployment's {@link HandshakeGuard}. */
    public static final String GUARD = HandshakeGuard.class.getName();

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HandshakeFilter.class.getName());

    private final transient LazyBean<SessionRegistry> registry = new LazyBean<>(SessionRegistry.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Containers parse the upgrade loosely (Undertow upgrades on any Upgrade value, Tyrus on a
        // Sec-WebSocket-Key alone): every request that carries either could become a WebSocket.
        if (request.getHeader("Upgrade") == null && request.getHeader("Sec-WebSocket-Key") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (stopping()) {
            answer(response, Admission.STOPPING);
            return;
        }
        HandshakeGuard guard = (HandshakeGuard) getServletContext().getAttribute(GUARD);
        HandshakeGuard.Identity identity =
                guard == null ? HandshakeGuard.Identity.ANONYMOUS : guard.identify(HandshakeView.of(request));
        HandshakeScope scope = new HandshakeScope(
                request.getRemoteAddr() + ":" + request.getRemotePort(), identity, traceContext(request));
        HttpServletRequest upgraded = identity.principal() == null || identity.principal() == request.getUserPrincipal()
                ? request
                : new Authenticated(request, identity.principal());
        scope.enter();
        try {
            chain.doFilter(upgraded, response);
        } catch (IOException | ServletException | RuntimeException e) {
            HandshakeRefused refused = refusalIn(e);
            if (refused == null) {
                throw e;
            }
            answer(response, refused.refusal());
        } finally {
            HandshakeScope.exit();
        }
    }

    /** The request's trace context headers, kept for tracing a refusal that is made without the headers. */
    private static Map<String, List<String>> traceContext(HttpServletRequest request) {
        String parent = request.getHeader("traceparent");
        if (parent == null) {
            return Map.of();
        }
        String state = request.getHeader("tracestate");
        return state == null
                ? Map.of("traceparent", List.of(parent))
                : Map.of("traceparent", List.of(parent), "tracestate", List.of(state));
    }

    /**
     * The configurator's refusal, as thrown or as a container wrapped it on its way out of the chain.
     */
    private static HandshakeRefused refusalIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof HandshakeRefused refused) {
                return refused;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** Answers a refusal before any upgrade; what the container prepared for an upgrade is discarded. */
    private static void answer(HttpServletResponse response, Admission.Refusal refusal) throws IOException {
        if (response.isCommitted()) {
            // Cannot happen with Tyrus or Undertow, which refuse or upgrade only after the configurator returns.
            LOG.warning(() -> "Switchboard: a refused handshake (" + refusal.status() + ") had already been answered");
            return;
        }
        // Undertow has set 101 and its upgrade headers by the time the configurator runs: reset clears them, and
        // Undertow upgrades only a response whose status is still 101.
        response.reset();
        for (Map.Entry<String, List<String>> header : refusal.headers().entrySet()) {
            for (String value : header.getValue()) {
                response.addHeader(header.getKey(), value);
            }
        }
        response.sendError(refusal.status(), refusal.phrase());
    }

    private boolean stopping() {
        try {
            return registry.get().stopping();
        } catch (IllegalStateException noCdi) {
            return false; // CDI is not (or no longer) there: nothing of Switchboard's runs, nothing to refuse for
        }
    }

    /** The application is stopping: refuse upgrades from now on, and end every session while its beans live. */
    @Override
    public void destroy() {
        try {
            registry.get().shutdown(io.switchboard.impl.session.ShutdownSettings.read(Settings.global()));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Switchboard: no graceful shutdown from the filter", e);
        }
    }

    /**
     * The upgrade request with the verified token as its principal: the container's WebSocket session takes its
     * principal from the request it upgrades.
     */
    private static final class Authenticated extends HttpServletRequestWrapper {

        private final Principal principal;

        Authenticated(HttpServletRequest request, Principal principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public String getRemoteUser() {
            return principal.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            if (principal instanceof JsonWebToken token) {
                return token.getGroups() != null && token.getGroups().contains(role);
            }
            return super.isUserInRole(role);
        }
    }
}
