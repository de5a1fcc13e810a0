package io.switchboard.impl.endpoint;

import io.switchboard.EndpointId;
import jakarta.websocket.DeploymentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one rule that names an endpoint: its {@link EndpointId}, else its class's simple name. Configuration keys,
 * the registry, metrics and the deployment plan all ask here, so an explicit id is what every one of them sees.
 */
public final class EndpointIds {

    /** What an id may be: one segment of a configuration key {@code switchboard.<id>.<setting>}. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]+");
    /**
     * The first segments of deployment-wide keys ({@code switchboard.default.*}, {@code switchboard.fast-path}...),
     * and of those the reconnecting client and the cluster backplane will read.
     */
    private static final Set<String> RESERVED =
            Set.of("default", "security", "shutdown", "fast-path", "client", "backplane", "health");

    private EndpointIds() {}

    /**
     * The id of an endpoint class.
     *
     * @param type the endpoint class
     * @return its {@link EndpointId}, else its simple name
     * @throws IllegalArgumentException if its {@link EndpointId} is not a valid id
     */
    public static String of(Class<?> type) {
        EndpointId explicit = type.getAnnotation(EndpointId.class);
        if (explicit == null) {
            return type.getSimpleName();
        }
        String id = explicit.value();
        if (!VALID.matcher(id).matches() || RESERVED.contains(id)) {
            throw new IllegalArgumentException("Switchboard: bad @EndpointId on " + type.getName() + ": '" + id
                    + "' is not an endpoint id (letters, digits, - and _; not default, security, shutdown, "
                    + "fast-path, client, backplane or health)");
        }
        return id;
    }

    /**
     * Fails the deployment where two endpoint classes share an id: their configuration keys, metrics and lookups
     * would mix.
     *
     * @param endpoints the endpoint classes of the deployment
     * @throws DeploymentException naming each shared id and every class that has it
     */
    public static void checkUnique(Set<Class<?>> endpoints) throws DeploymentException {
        Map<String, List<Class<?>>> byId = endpoints.stream()
                .collect(Collectors.groupingBy(EndpointIds::of, LinkedHashMap::new, Collectors.toList()));
        List<String> clashes = byId.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> "endpoint id " + e.getKey() + " is taken by "
                        + e.getValue().stream().map(Class::getName).sorted().collect(Collectors.joining(" and ")))
                .toList();
        if (!clashes.isEmpty()) {
            throw new DeploymentException("Switchboard: " + String.join("; ", clashes) + ". An endpoint id names "
                    + "the endpoint in switchboard.<id>.* keys, metrics and OpenSessions, so it must be unique: give "
                    + "all but one of them @EndpointId(\"...\")");
        }
    }
}
