package io.switchboard.impl.endpoint;

import io.switchboard.Heartbeat;
import io.switchboard.IdleTimeout;
import io.switchboard.impl.config.LivenessSettings;
import io.switchboard.impl.config.SwitchboardConfig;
import io.switchboard.impl.session.SessionRegistry;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * One bridged endpoint of a deployment: its model and the per-deployment services every connection to it
 * uses. CDI is looked up on first use, from a container thread of the deployment.
 */
final class EndpointRuntime {

    private final EndpointModel model;
    private final UserInstances instances;
    private final LivenessSettings liveness;
    private final boolean userHandlesPongs;
    private final RequestScope requestScope = new RequestScope();
    private volatile SessionRegistry registry;

    EndpointRuntime(EndpointModel model, ServerEndpointConfig.Configurator userConfigurator) {
        this.model = model;
        this.instances = new UserInstances(model.type(), userConfigurator);
        this.liveness = SwitchboardConfig.liveness(model.id(), model.type().getAnnotation(Heartbeat.class),
                model.type().getAnnotation(IdleTimeout.class));
        this.userHandlesPongs = model.messageMethods().stream().anyMatch(m -> m.frame() == MessageMethod.Frame.PONG);
    }

    LivenessSettings liveness() {
        return liveness;
    }

    /** Whether the user endpoint has its own {@code PongMessage} method (else the bridge adds a handler). */
    boolean userHandlesPongs() {
        return userHandlesPongs;
    }

    EndpointModel model() {
        return model;
    }

    UserInstances instances() {
        return instances;
    }

    RequestScope requestScope() {
        return requestScope;
    }

    SessionRegistry registry() {
        SessionRegistry found = registry;
        if (found == null) {
            found = CDI.current().select(SessionRegistry.class).get();
            registry = found;
        }
        return found;
    }
}
