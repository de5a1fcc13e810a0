package io.switchboard.impl.extension;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

/**
 * Keeps the container from deploying the endpoints Switchboard bridges: it returns the scanned classes minus
 * those, and no configs. (WildFly calls it during deployment, before any initializer; Payara after all of
 * them. It decides from the classes alone, so the order does not matter.)
 */
public class FilteringApplicationConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return DeploymentPlan.notBridged(scanned);
    }
}
