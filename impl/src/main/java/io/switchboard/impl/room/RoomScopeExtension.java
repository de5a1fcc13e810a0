package io.switchboard.impl.room;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/** Registers the {@link io.switchboard.RoomScoped} context with the deployment's CDI container. */
public class RoomScopeExtension implements Extension {

    void registerContext(@Observes AfterBeanDiscovery discovery) {
        discovery.addContext(new RoomContext());
    }
}
