package io.switchboard.impl.extension;

import io.switchboard.Untracked;
import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.endpoint.EndpointIds;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Decides which scanned endpoint classes Switchboard bridges. The initializer and the filtering
 * {@code ServerApplicationConfig} run in different orders on different servers, so both ask this one
 * stateless rule.
 */
final class DeploymentPlan {

    private DeploymentPlan() {}

    /** Whether Switchboard bridges this class: a concrete {@code @ServerEndpoint} not opted out. */
    static boolean bridges(Class<?> type) {
        return type.isAnnotationPresent(ServerEndpoint.class)
                && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers())
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
}
