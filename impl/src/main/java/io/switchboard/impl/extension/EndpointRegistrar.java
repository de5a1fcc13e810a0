package io.switchboard.impl.extension;

import io.switchboard.impl.config.Settings;
import io.switchboard.impl.endpoint.BridgeConfigs;
import io.switchboard.impl.endpoint.EndpointIds;
import io.switchboard.impl.endpoint.EndpointModel;
import io.switchboard.impl.endpoint.EndpointSettings;
import io.switchboard.impl.handshake.HandshakeFilter;
import io.switchboard.impl.security.HandshakeGuard;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Registers a bridge for each user endpoint with the {@code ServerContainer} once the web application starts.
 * A failure here (a broken endpoint class, bad configuration) fails the deployment with the reason.
 */
public final class EndpointRegistrar implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(EndpointRegistrar.class.getName());
    private static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";

    private final Set<Class<?>> endpoints;
    private final Set<Class<? extends ServerApplicationConfig>> applicationConfigs;

    EndpointRegistrar(Set<Class<?>> endpoints, Set<Class<? extends ServerApplicationConfig>> applicationConfigs) {
        this.endpoints = endpoints;
        this.applicationConfigs = applicationConfigs;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        // Usually the handshake filter's end came first and this does nothing; see SessionRegistry.shutdown.
        try {
            jakarta.enterprise
                    .inject
                    .spi
                    .CDI
                    .current()
                    .select(io.switchboard.impl.session.SessionRegistry.class)
                    .get()
                    .shutdown(io.switchboard.impl.session.ShutdownSettings.read(Settings.global()));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(java.util.logging.Level.FINE, "Switchboard: no graceful shutdown from the listener", e);
        }
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(SERVER_CONTAINER);
        if (!(container instanceof ServerContainer serverContainer)) {
            LOG.warning("Switchboard: no WebSocket ServerContainer in "
                    + event.getServletContext().getContextPath() + "; nothing is tracked");
            return;
        }
        try {
            HandshakeGuard guard =
                    HandshakeGuard.configured(Thread.currentThread().getContextClassLoader());
            deploy(serverContainer, endpoints, applicationConfigs, guard);
            event.getServletContext().setAttribute(HandshakeFilter.GUARD, guard);
        } catch (DeploymentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Bridges the endpoints Switchboard manages. Where the application has its own
     * {@code ServerApplicationConfig}, the container deploys what that returns and Switchboard bridges
     * nothing: bridging the same classes would put two endpoints at one path, and bridging what it leaves out
     * would deploy endpoints the application chose not to.
     *
     * @param container          the container to register with
     * @param endpoints          every {@code @ServerEndpoint} class scanned
     * @param applicationConfigs the application's own {@code ServerApplicationConfig} classes
     * @return the classes bridged
     * @throws DeploymentException if an endpoint class is invalid, two share an endpoint id, or the container
     *                             refuses one
     */
    public static Set<Class<?>> deploy(
            ServerContainer container,
            Set<Class<?>> endpoints,
            Set<Class<? extends ServerApplicationConfig>> applicationConfigs)
            throws DeploymentException {
        return deploy(
                container,
                endpoints,
                applicationConfigs,
                HandshakeGuard.configured(Thread.currentThread().getContextClassLoader()));
    }

    /**
     * Bridges the endpoints Switchboard manages.
     *
     * @param container          the container to register with
     * @param endpoints          every {@code @ServerEndpoint} class scanned
     * @param applicationConfigs the application's own {@code ServerApplicationConfig} classes
     * @param guard              the deployment's guard, which every bridged endpoint's configurator applies
     * @return the classes bridged
     * @throws DeploymentException   if an endpoint class is invalid, two share an endpoint id, or the container
     *                               refuses one
     * @throws IllegalStateException if an endpoint the container deploys itself carries a rule nothing would apply
     */
    static Set<Class<?>> deploy(
            ServerContainer container,
            Set<Class<?>> endpoints,
            Set<Class<? extends ServerApplicationConfig>> applicationConfigs,
            HandshakeGuard guard)
            throws DeploymentException {
        // Before anything reads switchboard.<id>.* keys: with a shared id they would configure both endpoints.
        EndpointIds.checkUnique(concrete(endpoints));
        Set<Class<?>> deployedByContainer = DeploymentPlan.deployedByContainer(endpoints, applicationConfigs);
        UnguardedRules.check(deployedByContainer, applicationConfigs);
        Set<Class<?>> bridged = DeploymentPlan.bridged(endpoints);
        if (!applicationConfigs.isEmpty()) {
            warnAboutApplicationConfigs(applicationConfigs, deployedByContainer, bridged);
            return Set.of();
        }
        for (Class<?> type : bridged) {
            EndpointModel model = EndpointModel.read(type);
            EndpointSettings settings = EndpointSettings.read(Settings.global(), model);
            container.addEndpoint(BridgeConfigs.bridge(model, settings, guard));
            if (settings.security().restricted() && !guard.verifies()) {
                LOG.warning("Switchboard: endpoint " + model.id() + " admits only some users, but no token key is "
                        + "configured (mp.jwt.verify.publickey or mp.jwt.verify.publickey.location): only users the "
                        + "container itself authenticated can connect");
            }
        }
        if (!bridged.isEmpty()) {
            LOG.info(() -> "Switchboard: tracking " + names(bridged));
        }
        return bridged;
    }

    private static void warnAboutApplicationConfigs(
            Set<Class<? extends ServerApplicationConfig>> applicationConfigs,
            Set<Class<?>> deployedByContainer,
            Set<Class<?>> bridged) {
        Set<Class<?>> claimed = new LinkedHashSet<>(deployedByContainer);
        claimed.retainAll(bridged);
        LOG.warning("Switchboard: this application has its own ServerApplicationConfig ("
                + applicationConfigs.stream().map(Class::getName).collect(Collectors.joining(", "))
                + "), so the container deploys what it returns and Switchboard TRACKS NOTHING in it. Untracked: "
                + (claimed.isEmpty() ? "none" : names(claimed)) + ". To let Switchboard manage the endpoints, "
                + "remove the ServerApplicationConfig, or mark endpoints it must leave alone with @Untracked.");
    }

    /** The classes the container could deploy: an abstract class or interface has no id of its own. */
    private static Set<Class<?>> concrete(Set<Class<?>> endpoints) {
        Set<Class<?>> result = new LinkedHashSet<>(endpoints);
        result.removeIf(type -> !DeploymentPlan.concrete(type));
        return result;
    }

    private static String names(Set<Class<?>> types) {
        return types.stream().map(Class::getName).sorted().collect(Collectors.joining(", "));
    }
}
