package io.switchboard.impl.client;

import io.switchboard.client.ClientOptions;
import io.switchboard.client.ReconnectingSocket;
import io.switchboard.client.TokenSupplier;
import io.switchboard.client.WebSocketClient;
import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.metrics.SwitchboardMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The deployment's {@link ReconnectingSocket}s, one per name: built when the application starts (which checks every
 * client's settings, so a bad one fails the deployment), handed out by the beans {@link ClientExtension} adds, and
 * closed when the application stops.
 */
@ApplicationScoped
public class Clients {
    private static final Logger LOG = Logger.getLogger(Clients.class.getName());

    @Inject
    ClientExtension extension;

    @Inject
    SwitchboardMetrics metrics;

    @Inject
    BeanManager beans;

    @Inject
    @Any
    Instance<TokenSupplier> tokenSuppliers;

    private final Map<String, ReconnectingSocket> clients = new ConcurrentHashMap<>();
    private final List<ClientEvents> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    @PostConstruct
    void serve() {
        extension.serve(this);
    }

    /**
     * Builds every client the application names or the configuration declares, as the application starts.
     *
     * @param event the application scope's start
     * @throws IllegalArgumentException naming the client, the key and the value of a bad setting
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Set<String> names = new TreeSet<>(extension.names());
        names.addAll(ClientSettings.configured(Settings.global().names()));
        for (String name : names) {
            client(name);
        }
    }

    /**
     * The client of this name, built on first use.
     *
     * @param name the client's name
     * @return the client
     * @throws IllegalArgumentException if its settings are missing or bad
     * @throws IllegalStateException if the application is stopping
     */
    public ReconnectingSocket client(String name) {
        if (stopped) {
            throw new IllegalStateException(
                    "Switchboard: the application is stopping; client '" + name + "' is closed");
        }
        return clients.computeIfAbsent(name, this::build);
    }

    private ReconnectingSocket build(String name) {
        WebSocketClient qualifier = WebSocketClient.Literal.of(name);
        Instance<TokenSupplier> supplier = tokenSuppliers.select(qualifier);
        String why = extension.names().contains(name) ? "used by the application" : "configured";
        ClientOptions options =
                ClientSettings.read(Settings.global(), name, supplier.isResolvable() ? supplier.get() : null, why);
        ClientEvents cdiEvents =
                new ClientEvents(beans, name, Thread.currentThread().getContextClassLoader());
        events.add(cdiEvents);
        ReconnectingClient client = ReconnectingClient.builder(options)
                .listener(cdiEvents)
                .metrics(metrics.backend())
                .open();
        LOG.info(() -> "Switchboard: client '" + name + "' connects to " + options.uri()
                + (options.connectAtStartup() ? "" : " when first used"));
        return client;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        events.forEach(ClientEvents::silence);
        List<ReconnectingSocket> all = new ArrayList<>(clients.values());
        clients.clear();
        all.forEach(ReconnectingSocket::close);
    }
}
