package io.switchboard.impl.extension;

import io.switchboard.Untracked;
import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.endpoint.EndpointIds;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Decides which scanned endpoint classes Switchboard bridges. The initializer and the filtering
 * {@code ServerApplicationConfig} run in different orders on different servers, so both ask this one
 * stateless rule.
 */
final class DeploymentPlan {

    private static final Logger LOG = Logger.getLogger(DeploymentPlan.class.getName());

    private DeploymentPlan() {}

    /** Whether a class is an endpoint a container could deploy: a concrete {@code @ServerEndpoint}. */
    static boolean concrete(Class<?> type) {
        return type.isAnnotationPresent(ServerEndpoint.class)
                && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers());
    }

    /** Whether Switchboard bridges this class: a concrete {@code @ServerEndpoint} not opted out. */
    static boolean bridges(Class<?> type) {
        return concrete(type)
                && !type.isAnnotationPresent(Untracked.class)
                && enabled(Settings.global().endpoint(EndpointIds.of(type)));
    }

    /**
     * Whether Switchboard manages an endpoint ({@code switchboard.<id>.enabled}, else
     * {@code switchboard.default.enabled}, default {@code true}).
     *
     * @throws IllegalArgumentException if the configured value is not {@code true} or {@code false}
     */
    static boolean enabled(Settings.Endpoint endpoint) {
        return endpoint.key("enabled").as(Parsers.BOOLEAN).orDefault(true);
    }

    static Set<Class<?>> bridged(Set<Class<?>> scanned) {
        Set<Class<?>> result = new LinkedHashSet<>();
        for (Class<?> type : scanned) {
            if (bridges(type)) {
                result.add(type);
            }
        }
        return result;
    }

    static Set<Class<?>> notBridged(Set<Class<?>> scanned) {
        Set<Class<?>> result = new LinkedHashSet<>(scanned);
        result.removeIf(DeploymentPlan::bridges);
        return result;
    }

    /**
     * What the container deploys of the scanned classes by itself: where the application has its own
     * {@code ServerApplicationConfig}s, the union of what they return (Switchboard then bridges nothing); else, with
     * only Switchboard's filtering config, the classes Switchboard does not bridge. A config that cannot be asked
     * counts as returning everything: its answer is unknown.
     *
     * @param scanned            every {@code @ServerEndpoint} class scanned
     * @param applicationConfigs the application's own {@code ServerApplicationConfig} classes
     * @return the classes the container deploys without a bridge
     */
    static Set<Class<?>> deployedByContainer(
            Set<Class<?>> scanned, Set<Class<? extends ServerApplicationConfig>> applicationConfigs) {
        if (applicationConfigs.isEmpty()) {
            return notBridged(scanned);
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
}
