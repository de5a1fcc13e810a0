package io.switchboard.impl.security;

import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may connect to one endpoint, and from which origins. The rule comes from {@code switchboard.<id>.roles-allowed},
 * else the class's {@code @DenyAll}, {@code @RolesAllowed} or {@code @PermitAll}, else
 * {@code switchboard.default.roles-allowed}; without any, the endpoint is open. In {@code roles-allowed},
 * {@code *} lets everyone in and {@code **} any authenticated user, as in Jakarta Security. Allowed origins come
 * from {@code switchboard.<id>.allowed-origins}, else {@code switchboard.default.allowed-origins}: a list of
 * origins such as {@code https://app.example.com}, or {@code *}; without it, every origin is let through.
 *
 * @param endpointId the endpoint
 * @param access     what the peer must be
 * @param roles      for {@link Access#ROLES}, the roles of which the peer needs one
 * @param origins    the allowed origins, lower case; empty for any
 */
public record EndpointSecurity(String endpointId, Access access, Set<String> roles, Set<String> origins) {

    /** What a peer must be to connect. */
    public enum Access {
        /** Anyone: nothing declared. */
        OPEN,
        /** Anyone, declared ({@code @PermitAll}, {@code *}). */
        PERMIT_ALL,
        /** No one ({@code @DenyAll}). */
        DENY_ALL,
        /** Any authenticated peer ({@code **}). */
        AUTHENTICATED,
        /** A peer in one of the roles. */
        ROLES
    }

    /**
     * Reads an endpoint's rule and origins.
     *
     * @param endpoint the endpoint's settings
     * @param type     the endpoint class
     * @return its security
     * @throws IllegalArgumentException if the annotations contradict each other or a setting is empty
     */
    public static EndpointSecurity of(Settings.Endpoint endpoint, Class<?> type) {
        String endpointId = endpoint.id();
        EndpointSecurity rule = endpoint.key("roles-allowed")
                .as(Parsers.LIST
                        .requiring(roles -> !roles.isEmpty(), "a list of roles, * or **")
                        .map(roles -> fromConfig(endpointId, roles)))
                .orFromAnnotations(() -> fromAnnotations(endpointId, type))
                .orDefault(new EndpointSecurity(endpointId, Access.OPEN, Set.of(), Set.of()));
        Set<String> origins = endpoint.key("allowed-origins")
                .found()
                .map(found -> origins(found.key(), found.value()))
                .orElse(Set.of());
        return new EndpointSecurity(endpointId, rule.access(), rule.roles(), origins);
    }

    private static Optional<EndpointSecurity> fromAnnotations(String endpointId, Class<?> type) {
        DenyAll deny = type.getAnnotation(DenyAll.class);
        RolesAllowed roles = type.getAnnotation(RolesAllowed.class);
        PermitAll permit = type.getAnnotation(PermitAll.class);
        if ((deny != null ? 1 : 0) + (roles != null ? 1 : 0) + (permit != null ? 1 : 0) > 1) {
            throw new IllegalArgumentException("Switchboard: endpoint " + endpointId + " (" + type.getName()
                    + ") has more than one of @DenyAll, @RolesAllowed and @PermitAll");
        }
        if (deny != null) {
            return Optional.of(new EndpointSecurity(endpointId, Access.DENY_ALL, Set.of(), Set.of()));
        }
        if (permit != null) {
            return Optional.of(new EndpointSecurity(endpointId, Access.PERMIT_ALL, Set.of(), Set.of()));
        }
        if (roles != null) {
            return Optional.of(rolesRule(endpointId, Arrays.asList(roles.value())));
        }
        return Optional.empty();
    }

    private static EndpointSecurity fromConfig(String endpointId, List<String> roles) {
        return roles.contains("*")
                ? new EndpointSecurity(endpointId, Access.PERMIT_ALL, Set.of(), Set.of())
                : rolesRule(endpointId, roles);
    }

    private static EndpointSecurity rolesRule(String endpointId, List<String> roles) {
        if (roles.contains("**")) {
            return new EndpointSecurity(endpointId, Access.AUTHENTICATED, Set.of(), Set.of());
        }
        // @RolesAllowed({}) names no role anyone could have: no one gets in.
        return roles.isEmpty()
                ? new EndpointSecurity(endpointId, Access.DENY_ALL, Set.of(), Set.of())
                : new EndpointSecurity(endpointId, Access.ROLES, Set.copyOf(roles), Set.of());
    }

    private static Set<String> origins(String key, String value) {
        Set<String> origins = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .map(o -> o.toLowerCase(Locale.ROOT))
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .collect(Collectors.toUnmodifiableSet());
        for (String origin : origins) {
            if (!origin.equals("*") && !origin.equals("null") && !origin.matches("[a-z][a-z0-9+.-]*://[^/?#\\s]+")) {
                throw new IllegalArgumentException("Switchboard: bad configuration: " + key + " = '" + value + "': '"
                        + origin + "' is not an origin such as https://app.example.com");
            }
        }
        return origins.contains("*") ? Set.of() : origins;
    }

    /** Whether the endpoint admits only some peers. */
    public boolean restricted() {
        return access != Access.OPEN && access != Access.PERMIT_ALL;
    }

    /**
     * Whether a request's {@code Origin} is allowed. A request without one passes: browsers always send it on a
     * WebSocket handshake, and the check exists to stop other sites' pages, not other programs.
     *
     * @param values the request's {@code Origin} header values
     * @return whether it may connect
     */
    public boolean originAllowed(List<String> values) {
        if (origins.isEmpty() || values.isEmpty()) {
            return true;
        }
        if (values.size() > 1) {
            return false;
        }
        String origin = values.get(0).trim().toLowerCase(Locale.ROOT);
        return origins.contains(origin);
    }
}
