package io.switchboard.impl.handshake;

import io.switchboard.impl.config.SwitchboardConfig;
import io.switchboard.impl.extension.LazyBean;
import io.switchboard.impl.limit.EndpointLimits;
import io.switchboard.impl.limit.HandshakeGate;
import io.switchboard.impl.security.HandshakeGuard;
import io.switchboard.impl.security.HandshakeView;
import io.switchboard.impl.limit.Tallies;
import io.switchboard.impl.metrics.Rejection;
import io.switchboard.impl.metrics.SwitchboardMetrics;
import io.switchboard.impl.session.SessionRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Runs before the container's WebSocket upgrade (it is registered ahead of Tyrus's and Undertow's filters)
 * and passes what only the servlet request knows — the peer's address — to the WebSocket session through
 * {@link HandshakeProperties#HEADER}. It refuses handshakes here, before any upgrade: while the application stops
 * (503), for the endpoint's access rule and origins (401, 403), and for its connection limits (503, 429).
 */
public class HandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient LazyBean<SessionRegistry> registry = new LazyBean<>(SessionRegistry.class);
    private final transient LazyBean<Tallies> tallies = new LazyBean<>(Tallies.class);
    private final transient LazyBean<SwitchboardMetrics> metrics = new LazyBean<>(SwitchboardMetrics.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Containers parse the upgrade loosely (Undertow upgrades on any Upgrade value, Tyrus accepts
        // "websocket,"): mark every request that could become a WebSocket, and every one that carries the
        // header, so a client's own value can never reach a session.
        boolean upgrade = request.getHeader("Upgrade") != null || request.getHeader("Sec-WebSocket-Key") != null;
        Routes routes = upgrade ? (Routes) getServletContext().getAttribute(Routes.ATTRIBUTE) : null;
        Routes.Route route = routes == null ? null
                : routes.match(request.getRequestURI().substring(request.getContextPath().length()));
        if (upgrade && stopping()) {
            count(route, Rejection.SHUTDOWN);
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The application is stopping");
            return;
        }
        Principal admittedAs = null;
        if (route != null) {
            HandshakeGuard.Decision decision = routes.guard().check(route.security(), HandshakeView.of(request));
            if (!decision.passes()) {
                count(route, Rejection.of(decision));
                refuse(response, decision);
                return;
            }
            admittedAs = decision.principal();
            if (!admitted(route.limits(), request, response, admittedAs)) {
                count(route, Rejection.LIMITS);
                return;
            }
        }
        if (upgrade || request.getHeader(HandshakeProperties.HEADER) != null) {
            chain.doFilter(new Marked(request,
                    HandshakeProperties.headerValue(request.getRemoteAddr() + ":" + request.getRemotePort()),
                    admittedAs), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Refuses before the upgrade: 401 asks for a bearer token (RFC 6750), 403 says it would not help. */
    private static void refuse(HttpServletResponse response, HandshakeGuard.Decision decision) throws IOException {
        if (decision.unauthorized()) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setHeader("Connection", "close");
        response.sendError(decision.status(), decision.unauthorized() ? "Unauthorized" : "Forbidden");
    }

    /**
     * Applies the connection limits of the endpoint the path leads to, before the upgrade: a refusal answers
     * 503 or 429 with {@code Retry-After}, and no session ever exists.
     */
    private boolean admitted(EndpointLimits limits, HttpServletRequest request, HttpServletResponse response,
                             Principal principal) throws IOException {
        if (!limits.connections().any()) {
            return true;
        }
        HandshakeGate.Verdict verdict = HandshakeGate.check(limits, tallies.get(),
                principal == null ? null : principal.getName(), request.getRemoteAddr());
        if (verdict.passes()) {
            return true;
        }
        response.setHeader("Retry-After", String.valueOf(verdict.retryAfterSeconds()));
        response.setHeader("Connection", "close");
        response.sendError(verdict.status(), verdict.reason());
        return false;
    }

    /** Counts a refusal under the endpoint the path leads to (known where the endpoint has checks). */
    private void count(Routes.Route route, Rejection reason) {
        if (route == null) {
            return;
        }
        try {
            metrics.get().endpoint(route.security().endpointId()).rejected(reason);
        } catch (IllegalStateException noCdi) {
            // the application is going away: nothing to count into
        }
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
            registry.get().shutdown(SwitchboardConfig.shutdownDrain());
        } catch (RuntimeException | LinkageError e) {
            java.util.logging.Logger.getLogger(HandshakeFilter.class.getName()).log(java.util.logging.Level.FINE,
                    "Switchboard: no graceful shutdown from the filter", e);
        }
    }

    /**
     * The upgrade request with Switchboard's header set to a value the client cannot forge, and, when the guard
     * admitted it with a token, that token as its principal: the container's WebSocket session takes its principal
     * from the request it upgrades.
     */
    private static final class Marked extends HttpServletRequestWrapper {

        private final String value;
        private final Principal principal;

        Marked(HttpServletRequest request, String value, Principal principal) {
            super(request);
            this.value = value;
            this.principal = principal;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal != null ? principal : super.getUserPrincipal();
        }

        @Override
        public String getRemoteUser() {
            return principal != null ? principal.getName() : super.getRemoteUser();
        }

        @Override
        public boolean isUserInRole(String role) {
            if (principal instanceof JsonWebToken token) {
                return token.getGroups() != null && token.getGroups().contains(role);
            }
            return super.isUserInRole(role);
        }

        private static boolean ours(String name) {
            return HandshakeProperties.HEADER.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return ours(name) ? value : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return ours(name) ? Collections.enumeration(List.of(value)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(Marked::ours);
            names.add(HandshakeProperties.HEADER);
            return Collections.enumeration(names);
        }
    }
}
