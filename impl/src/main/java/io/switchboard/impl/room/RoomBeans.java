package io.switchboard.impl.room;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code @RoomScoped} bean instances of one room. Creation holds the room's lock, which is reentrant, so a bean
 * whose {@code @PostConstruct} uses another room-scoped bean works; the instances themselves are used without it.
 */
final class RoomBeans {

    private static final Logger LOG = Logger.getLogger(RoomBeans.class.getName());

    private record Created<T>(Contextual<T> contextual, T instance, CreationalContext<T> creational) {
        void destroy() {
            contextual.destroy(instance, creational);
        }
    }

    private final Room room;
    private final Map<Contextual<?>, Created<?>> instances = new HashMap<>();
    private boolean destroyed;

    RoomBeans(Room room) {
        this.room = room;
    }

    @SuppressWarnings("unchecked")
    synchronized <T> T get(Contextual<T> contextual, CreationalContext<T> creational) {
        Created<T> found = (Created<T>) instances.get(contextual);
        if (found != null) {
            return found.instance();
        }
        if (creational == null) {
            return null;
        }
        if (destroyed) {
            throw new ContextNotActiveException("Switchboard: " + room + " has no members any more");
        }
        T instance = contextual.create(creational);
        instances.put(contextual, new Created<>(contextual, instance, creational));
        return instance;
    }

    void destroy(Contextual<?> contextual) {
        Created<?> removed;
        synchronized (this) {
            removed = instances.remove(contextual);
        }
        if (removed != null) {
            destroyQuietly(removed);
        }
    }

    /** Destroys every instance ({@code @PreDestroy} runs); later lookups fail as the room is gone. */
    void destroyAll() {
        List<Created<?>> all;
        synchronized (this) {
            destroyed = true;
            all = new ArrayList<>(instances.values());
            instances.clear();
        }
        all.forEach(this::destroyQuietly);
    }

    private void destroyQuietly(Created<?> created) {
        try {
            created.destroy();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "Switchboard: destroying a @RoomScoped "
                            + created.instance().getClass().getName() + " of " + room + " failed");
        }
    }
}
