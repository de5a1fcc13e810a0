package io.switchboard.impl.limit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which endpoint a handshake's path leads to, for the limits the handshake filter applies before the upgrade. Paths
 * without parameters are tried first, as containers match them. Only endpoints with connection limits are kept.
 */
public final class Routes {

    /** The servlet context attribute under which the deployment's routes are kept. */
    public static final String ATTRIBUTE = Routes.class.getName();

    private record Route(Pattern path, boolean exact, EndpointLimits limits) {
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds an endpoint, if it has connection limits.
     *
     * @param template the endpoint's path, such as {@code /chat/{room}}
     * @param limits   its limits
     */
    public synchronized void add(String template, EndpointLimits limits) {
        if (!limits.connections().any()) {
            return;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : template.split("/", -1)) {
            segments.add(segment.startsWith("{") && segment.endsWith("}") ? "[^/]+" : Pattern.quote(segment));
        }
        String pattern = String.join("/", segments);
        Route route = new Route(Pattern.compile(pattern), !template.contains("{"), limits);
        routes.add(route.exact() ? 0 : routes.size(), route);
    }

    /**
     * The limits of the endpoint at a path.
     *
     * @param path the request path within the application, such as {@code /chat/lobby}
     * @return its limits, or {@code null} when no endpoint with connection limits is there
     */
    public synchronized EndpointLimits match(String path) {
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                return route.limits();
            }
        }
        return null;
    }

    /** Whether any endpoint has connection limits. */
    public synchronized boolean isEmpty() {
        return routes.isEmpty();
    }
}
