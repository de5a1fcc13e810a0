package io.switchboard.impl.client;

import io.switchboard.client.ClientConnected;
import io.switchboard.client.ClientListener;
import io.switchboard.client.ClientMessage;
import io.switchboard.client.ClientStateChanged;
import io.switchboard.client.WebSocketClient;
import jakarta.enterprise.inject.spi.BeanManager;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires a client's callbacks as CDI events qualified with its name. The container's threads that deliver messages
 * carry no class loader of the deployment, so each event is fired under the deployment's (WildFly resolves
 * observers through it). Messages are fired only where some observer wants them, which is decided once.
 */
final class ClientEvents implements ClientListener {
    private static final Logger LOG = Logger.getLogger(ClientEvents.class.getName());

    private final BeanManager beans;
    private final String client;
    private final WebSocketClient qualifier;
    private final ClassLoader application;
    private final boolean messagesObserved;
    private volatile boolean silenced;

    ClientEvents(BeanManager beans, String client, ClassLoader application) {
        this.beans = beans;
        this.client = client;
        this.qualifier = WebSocketClient.Literal.of(client);
        this.application = application;
        this.messagesObserved = !beans.resolveObserverMethods(new ClientMessage(client, "", null), qualifier)
                .isEmpty();
    }

    @Override
    public void onConnected(ClientConnected connected) {
        fire(ClientConnected.class, () -> connected);
    }

    @Override
    public void onText(String text) {
        if (messagesObserved) {
            fire(ClientMessage.class, () -> new ClientMessage(client, text, null));
        }
    }

    @Override
    public void onBinary(ByteBuffer bytes) {
        if (messagesObserved) {
            fire(ClientMessage.class, () -> new ClientMessage(client, null, bytes));
        }
    }

    @Override
    public void onStateChanged(ClientStateChanged change) {
        fire(ClientStateChanged.class, () -> change);
    }

    /** The application is stopping: its observers may be gone, so nothing more is fired. */
    void silence() {
        silenced = true;
    }

    private <T> void fire(Class<T> type, Supplier<T> event) {
        if (silenced) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            beans.getEvent().select(type, qualifier).fire(event.get());
        } catch (RuntimeException failure) {
            LOG.log(
                    Level.WARNING,
                    "Switchboard: client '" + client + "': an observer of " + type.getSimpleName() + " failed",
                    failure);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
