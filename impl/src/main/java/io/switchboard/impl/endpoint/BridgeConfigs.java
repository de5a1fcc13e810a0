package io.switchboard.impl.endpoint;

import io.switchboard.impl.handshake.Admission;
import io.switchboard.impl.security.HandshakeGuard;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;

/** Builds the container config that puts a {@link BridgeEndpoint} at a user endpoint's path. */
public final class BridgeConfigs {

    private BridgeConfigs() {}

    /**
     * The config to pass to {@code ServerContainer.addEndpoint} in place of the user's class: same path,
     * decoders, encoders and subprotocols, with the user's configurator behind the bridge's.
     *
     * @param model    the user endpoint
     * @param settings its settings, read and checked
     * @param guard    the deployment's guard, which the configurator applies where no filter ran
     * @return a config for the bridge
     * @throws DeploymentException if the user's configurator cannot be created
     */
    public static ServerEndpointConfig bridge(EndpointModel model, EndpointSettings settings, HandshakeGuard guard)
            throws DeploymentException {
        ServerEndpoint annotation = model.annotation();
        ServerEndpointConfig.Configurator user = userConfigurator(annotation.configurator());
        EndpointRuntime runtime = new EndpointRuntime(model, settings, user, guard);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(BridgeEndpoint.class, annotation.value())
                .decoders(Arrays.asList(annotation.decoders()))
                .encoders(Arrays.asList(annotation.encoders()))
                .subprotocols(Arrays.asList(annotation.subprotocols()))
                .configurator(new BridgeConfigurator(
                        runtime,
                        user,
                        new Admission(
                                settings.security(),
                                runtime.limits(),
                                guard,
                                runtime::tallies,
                                () -> runtime.registry().stopping()),
                        guard))
                .build();
        runtime.endpointConfig(config);
        return config;
    }

    private static ServerEndpointConfig.Configurator userConfigurator(
            Class<? extends ServerEndpointConfig.Configurator> type) throws DeploymentException {
        if (type == ServerEndpointConfig.Configurator.class) {
            return new ServerEndpointConfig.Configurator();
        }
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new DeploymentException("Switchboard: cannot create configurator " + type.getName(), e);
        }
    }
}
