package io.switchboard.impl.handshake;

import io.switchboard.impl.limit.EndpointLimits;
import io.switchboard.impl.security.EndpointSecurity;
import io.switchboard.impl.security.HandshakeGuard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which endpoint a handshake's path leads to, for what the handshake filter decides before the upgrade: who may
 * connect and within which connection limits. Paths without parameters are tried first, as containers match them.
 * Only endpoints with something to check are kept.
 */
public final class Routes {

    /** The servlet context attribute under which the deployment's routes are kept. */
    public static final String ATTRIBUTE = Routes.class.getName();

    /** What the filter checks for one endpoint. */
    public record Route(Pattern path, boolean exact, EndpointLimits limits, EndpointSecurity security) {
    }

    private final HandshakeGuard guard;
    private final List<Route> routes = new ArrayList<>();

    /**
     * Routes checked by one guard.
     *
     * @param guard the deployment's guard
     */
    public Routes(HandshakeGuard guard) {
        this.guard = guard;
    }

    /** The deployment's guard. */
    public HandshakeGuard guard() {
        return guard;
    }

    /**
     * Adds an endpoint, if anything is to be checked before its upgrade.
     *
     * @param template the endpoint's path, such as {@code /chat/{room}}
     * @param limits   its limits
     * @param security its access rule and origins
     */
    public synchronized void add(String template, EndpointLimits limits, EndpointSecurity security) {
        if (!limits.connections().any() && security.access() == EndpointSecurity.Access.OPEN
                && security.origins().isEmpty() && !guard.verifies()) {
            return;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : template.split("/", -1)) {
            segments.add(segment.startsWith("{") && segment.endsWith("}") ? "[^/]+" : Pattern.quote(segment));
        }
        String pattern = String.join("/", segments);
        Route route = new Route(Pattern.compile(pattern), !template.contains("{"), limits, security);
        routes.add(route.exact() ? 0 : routes.size(), route);
    }

    /**
     * The endpoint at a path.
     *
     * @param path the request path within the application, such as {@code /chat/lobby}
     * @return its route, or {@code null} when no endpoint with checks is there
     */
    public synchronized Route match(String path) {
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                return route;
            }
        }
        return null;
    }

    /** Whether no endpoint has anything to check. */
    public synchronized boolean isEmpty() {
        return routes.isEmpty();
    }
}
