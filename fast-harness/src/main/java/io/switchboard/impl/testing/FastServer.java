package io.switchboard.impl.testing;

import io.switchboard.impl.config.Settings;
import io.switchboard.impl.extension.EndpointRegistrar;
import io.switchboard.impl.extension.FilteringApplicationConfig;
import io.switchboard.impl.session.SessionRegistry;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerApplicationConfig;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The fast harness: a real Tyrus server on 127.0.0.1 and a free port, with a real Weld SE container, serving
 * every {@code @ServerEndpoint} of some packages either plain (as Tyrus alone would) or through Switchboard
 * (as Switchboard's initializer and listener would in a WAR).
 *
 * <pre>{@code
 * try (FastServer server = FastServer.start(Mode.SWITCHBOARD, EchoEndpoint.class)) {
 *     TestClient.connect(server.base().resolve("echo"));
 * }
 * }</pre>
 */
public final class FastServer implements AutoCloseable {

    /** How the endpoints are deployed. */
    public enum Mode {
        /** As Tyrus deploys them by itself. */
        PLAIN,
        /** Through Switchboard's bridge. */
        SWITCHBOARD
    }

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Mode mode;
    private final WeldContainer weld;
    private final HttpServer http;
    private final Container container;
    private final URI base;

    private FastServer(Mode mode, WeldContainer weld, HttpServer http, Container container, int port) {
        this.mode = mode;
        this.weld = weld;
        this.http = http;
        this.container = container;
        this.base = URI.create("ws://127.0.0.1:" + port + "/");
    }

    /**
     * Starts a server for the endpoints in the packages of the given classes; the classes of those packages
     * are CDI beans as in a WAR without {@code beans.xml} (annotated discovery).
     *
     * @param mode     plain or through Switchboard
     * @param packages one class of each package to deploy
     * @return the running server
     */
    public static FastServer start(Mode mode, Class<?>... packages) throws IOException, DeploymentException {
        return start(mode, 0, packages);
    }

    /**
     * Starts a server on a given port, for a test that stops a server and starts it again where its clients
     * reconnect.
     *
     * @param mode     plain or through Switchboard
     * @param port     the port on 127.0.0.1, or 0 for a free one
     * @param packages one class of each package to deploy
     * @return the running server
     */
    public static FastServer start(Mode mode, int port, Class<?>... packages) throws IOException, DeploymentException {
        Weld weld = new Weld("fast-" + IDS.incrementAndGet())
                .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                .addPackages(true, packages);
        WeldContainer cdi = weld.initialize();
        Container container = new Container();
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("fast", "127.0.0.1", port);
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(webSocketAddOn(container));
        http.addListener(listener);
        try {
            http.start();
            Set<Class<?>> endpoints = PackageScanner.endpoints(packages);
            Set<Class<? extends ServerApplicationConfig>> userConfigs = PackageScanner.applicationConfigs(packages);
            Set<Class<? extends ServerApplicationConfig>> allConfigs = new LinkedHashSet<>(userConfigs);
            if (mode == Mode.SWITCHBOARD) {
                allConfigs.add(FilteringApplicationConfig.class);
            }
            for (Class<?> plain : deployedByContainer(endpoints, allConfigs)) {
                container.addEndpoint(plain);
            }
            if (mode == Mode.SWITCHBOARD) {
                EndpointRegistrar.deploy(container, endpoints, userConfigs);
            }
            container.start("/", listener.getPort());
            container.doneDeployment();
        } catch (IOException | DeploymentException | RuntimeException e) {
            http.shutdownNow();
            cdi.shutdown();
            throw e;
        }
        return new FastServer(mode, cdi, http, container, listener.getPort());
    }

    /**
     * What a servlet container deploys by itself: every scanned class without any
     * {@code ServerApplicationConfig}, otherwise the union of what they return.
     */
    private static Set<Class<?>> deployedByContainer(
            Set<Class<?>> endpoints, Set<Class<? extends ServerApplicationConfig>> configs) {
        if (configs.isEmpty()) {
            return endpoints;
        }
        Set<Class<?>> deployed = new LinkedHashSet<>();
        for (Class<? extends ServerApplicationConfig> config : configs) {
            try {
                deployed.addAll(config.getDeclaredConstructor().newInstance().getAnnotatedEndpointClasses(endpoints));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return deployed;
    }

    /** Tyrus's own Grizzly add-on, whose constructor Tyrus keeps package-private. */
    private static WebSocketAddOn webSocketAddOn(Container container) {
        try {
            Constructor<WebSocketAddOn> constructor = WebSocketAddOn.class.getDeclaredConstructor(
                    org.glassfish.tyrus.spi.ServerContainer.class, String.class);
            constructor.setAccessible(true);
            return constructor.newInstance(container, "/");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This Tyrus version's WebSocketAddOn is not as expected", e);
        }
    }

    /** The base URI, {@code ws://127.0.0.1:<port>/}. */
    public URI base() {
        return base;
    }

    /** The running CDI container, to look beans up from a test. */
    public WeldContainer cdi() {
        return weld;
    }

    @Override
    public void close() {
        if (mode == Mode.SWITCHBOARD) {
            // What a servlet container's end of the handshake filter does as the application stops.
            weld.select(SessionRegistry.class)
                    .get()
                    .shutdown(io.switchboard.impl.session.ShutdownSettings.read(Settings.global()));
        }
        container.stop();
        http.shutdownNow();
        weld.shutdown();
    }

    /** A Tyrus server container whose endpoints serve under {@code /}; Grizzly is bound by {@link FastServer}. */
    private static final class Container extends TyrusServerContainer {
        private final TyrusWebSocketEngine engine =
                TyrusWebSocketEngine.builder(this).build();

        Container() {
            super((Set<Class<?>>) null);
        }

        @Override
        public void register(Class<?> endpointClass) throws DeploymentException {
            engine.register(endpointClass, "/");
        }

        @Override
        public void register(jakarta.websocket.server.ServerEndpointConfig config) throws DeploymentException {
            engine.register(config, "/");
        }

        @Override
        public WebSocketEngine getWebSocketEngine() {
            return engine;
        }

        @Override
        public java.util.Map<String, Object> getProperties() {
            return java.util.Map.of();
        }
    }
}
