package io.switchboard.impl.extension;

import io.switchboard.Untracked;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.endpoint.EndpointIds;
import io.switchboard.impl.security.EndpointSecurity;
import jakarta.websocket.server.ServerApplicationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fails the deployment where an access rule would silently protect nothing. Switchboard guards an endpoint in the
 * configurator of its bridge; an endpoint the container deploys by itself (the application's own
 * {@code ServerApplicationConfig} returns it, or it is {@code @Untracked}, or {@code switchboard.<id>.enabled=false})
 * has no bridge, and a rule on it — {@code @RolesAllowed}, {@code @DenyAll}, {@code switchboard.<id>|default.roles-allowed},
 * {@code allowed-origins} — would look like protection while anyone could open it (no container applies these
 * annotations to a WebSocket endpoint). Such an endpoint must say it is open ({@code @PermitAll}, or
 * {@code switchboard.<id>.roles-allowed=*} and {@code allowed-origins=*}), or be left to Switchboard.
 */
final class UnguardedRules {

    private UnguardedRules() {}

    /**
     * Checks every endpoint the container deploys without a bridge.
     *
     * @param deployedByContainer the scanned classes the container deploys itself
     *                            ({@link DeploymentPlan#deployedByContainer})
     * @param applicationConfigs  the application's own {@code ServerApplicationConfig} classes
     * @throws IllegalStateException naming each endpoint whose rule nothing would apply, and why
     */
    static void check(
            Set<Class<?>> deployedByContainer, Set<Class<? extends ServerApplicationConfig>> applicationConfigs) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : deployedByContainer) {
            if (!DeploymentPlan.concrete(type)) {
                continue;
            }
            String id = EndpointIds.of(type);
            EndpointSecurity security = EndpointSecurity.of(Settings.global().endpoint(id), type);
            if (security.restricted() || !security.origins().isEmpty()) {
                problems.add("endpoint " + id + " (" + type.getName() + ") admits " + describe(security)
                        + ", but " + whyUnguarded(type, applicationConfigs) + ", so nothing would check it: anyone "
                        + "could open it");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Switchboard: " + String.join("; ", problems) + ". Let Switchboard manage "
                    + "the endpoint, remove the rule, or declare the endpoint open with @PermitAll (or "
                    + "switchboard.<id>.roles-allowed=*) and switchboard.<id>.allowed-origins=*");
        }
    }

    private static String whyUnguarded(
            Class<?> type, Set<Class<? extends ServerApplicationConfig>> applicationConfigs) {
        if (!applicationConfigs.isEmpty()) {
            return "the application's own ServerApplicationConfig ("
                    + applicationConfigs.stream().map(Class::getName).sorted().collect(Collectors.joining(", "))
                    + ") deploys it, not Switchboard";
        }
        if (type.isAnnotationPresent(Untracked.class)) {
            return "it is @Untracked";
        }
        return "switchboard." + EndpointIds.of(type) + ".enabled=false";
    }

    private static String describe(EndpointSecurity security) {
        String who = switch (security.access()) {
            case OPEN, PERMIT_ALL -> "anyone";
            case DENY_ALL -> "no one (@DenyAll)";
            case AUTHENTICATED -> "only authenticated users (**)";
            case ROLES -> "only the roles " + security.roles().stream().sorted().toList();
        };
        return security.origins().isEmpty()
                ? who
                : who + " from the origins "
                        + security.origins().stream().sorted().toList();
    }
}
