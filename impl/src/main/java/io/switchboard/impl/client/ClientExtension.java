package io.switchboard.impl.client;

import io.switchboard.client.ReconnectingSocket;
import io.switchboard.client.WebSocketClient;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the clients the application names, in injection points ({@code @Inject @WebSocketClient("x")
 * ReconnectingSocket}) and in observers ({@code @Observes @WebSocketClient("x") ClientMessage}), and adds one bean
 * per name. {@link Clients} builds them at start, with those configured by {@code switchboard.client.<name>.url}
 * alone.
 */
public class ClientExtension implements Extension {
    private final Set<String> named = new TreeSet<>();
    private volatile Clients clients;

    void injected(@Observes ProcessInjectionPoint<?, ReconnectingSocket> point) {
        collect(point.getInjectionPoint().getQualifiers());
    }

    void observed(@Observes ProcessObserverMethod<?, ?> observer) {
        collect(observer.getObserverMethod().getObservedQualifiers());
    }

    private void collect(Set<Annotation> qualifiers) {
        for (Annotation qualifier : qualifiers) {
            if (qualifier instanceof WebSocketClient client) {
                synchronized (named) {
                    named.add(client.value());
                }
            }
        }
    }

    void addBeans(@Observes AfterBeanDiscovery discovery) {
        for (String name : names()) {
            discovery
                    .addBean()
                    .beanClass(Clients.class)
                    .types(ReconnectingSocket.class, Object.class)
                    .qualifiers(WebSocketClient.Literal.of(name), Any.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .produceWith(lookup -> clients(lookup).client(name));
        }
    }

    /**
     * {@link Clients}, as it is created: the beans added here reach it through this.
     *
     * @param created the deployment's clients
     */
    void serve(Clients created) {
        clients = created;
    }

    // Payara gives the beans an extension adds a bean archive of their own, which sees no other archive
    // (org.glassfish.weld.DeploymentImpl): a look-up through it finds no Clients. WildFly's finds it.
    private Clients clients(Instance<Object> lookup) {
        Clients created = clients;
        return created != null ? created : lookup.select(Clients.class).get();
    }

    /** The names the application's code uses. */
    Set<String> names() {
        synchronized (named) {
            return Set.copyOf(named);
        }
    }
}
