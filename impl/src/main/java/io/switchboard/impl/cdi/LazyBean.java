package io.switchboard.impl.cdi;

import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Supplier;

/**
 * A deployment's bean, looked up on first use and kept: for objects the container creates outside CDI (the bridge
 * endpoints' runtime, the handshake filter), which cannot have it injected. The first lookup must happen on a thread
 * of the deployment.
 *
 * @param <T> the bean type
 */
public final class LazyBean<T> implements Supplier<T> {

    private final Class<T> type;
    private volatile T bean;

    /**
     * @param type the bean type
     */
    public LazyBean(Class<T> type) {
        this.type = type;
    }

    @Override
    public T get() {
        T found = bean;
        if (found == null) {
            found = CDI.current().select(type).get();
            bean = found;
        }
        return found;
    }
}
