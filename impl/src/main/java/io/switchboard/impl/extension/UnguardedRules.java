package io.switchboard.impl.extension;

import io.switchboard.Untracked;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.endpoint.EndpointIds;
import io.switchboard.impl.security.EndpointSecurity;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(UnguardedRules.class.getName());

    private UnguardedRules() {}

    /**
     * Checks every endpoint the container deploys without a bridge.
     *
     * @param scanned            every {@code @ServerEndpoint} class scanned
     * @param bridged            those Switchboard bridges
     * @param applicationConfigs the application's own {@code ServerApplicationConfig} classes
     * @throws IllegalStateException naming each endpoint whose rule nothing would apply, and why
     */
    static void check(
            Set<Class<?>> scanned,
            Set<Class<?>> bridged,
            Set<Class<? extends ServerApplicationConfig>> applicationConfigs) {
        Set<Class<?>> deployedByContainer = deployedByContainer(scanned, applicationConfigs);
        List<String> problems = new ArrayList<>();
        for (Class<?> type : deployedByContainer) {
            if (bridged.contains(type) || !concreteEndpoint(type)) {
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

    /**
     * What the container deploys of the scanned classes itself: what the application's configs return, else (only
     * Switchboard's filtering config) the classes Switchboard does not bridge. A config that cannot be asked counts
     * as returning everything: its answer is unknown.
     */
    private static Set<Class<?>> deployedByContainer(
            Set<Class<?>> scanned, Set<Class<? extends ServerApplicationConfig>> applicationConfigs) {
        if (applicationConfigs.isEmpty()) {
            return DeploymentPlan.notBridged(scanned);
        }
        Set<Class<?>> deployed = new LinkedHashSet<>();
        for (Class<? extends ServerApplicationConfig> type : applicationConfigs) {
            try {
                Set<Class<?>> returned =
                        type.getDeclaredConstructor().newInstance().getAnnotatedEndpointClasses(scanned);
                if (returned != null) {
                    deployed.addAll(returned);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.warning("Switchboard: cannot call " + type.getName() + " (" + e + "); every scanned endpoint "
                        + "counts as deployed by it");
                return scanned;
            }
        }
        return deployed;
    }

    private static boolean concreteEndpoint(Class<?> type) {
        return type.isAnnotationPresent(ServerEndpoint.class)
                && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers());
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
