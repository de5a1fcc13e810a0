package io.switchboard.impl.testing;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.tyrus.core.ComponentProvider;

/**
 * Gives plain Tyrus (no Switchboard) CDI-created endpoint instances, as Payara's Tyrus integration does, so the
 * conformance scenarios compare Switchboard with what a CDI-enabled container does. The fast harness only.
 */
public class CdiComponentProvider extends ComponentProvider {

    private final Map<Object, Unmanaged.UnmanagedInstance<?>> created = new ConcurrentHashMap<>();

    @Override
    public boolean isApplicable(Class<?> type) {
        try {
            CDI.current();
            return type.isAnnotationPresent(jakarta.websocket.server.ServerEndpoint.class);
        } catch (IllegalStateException noCdi) {
            return false;
        }
    }

    @Override
    public <T> Object create(Class<T> type) {
        Unmanaged.UnmanagedInstance<T> instance = new Unmanaged<>(CDI.current().getBeanManager(), type)
                .newInstance()
                .produce()
                .inject()
                .postConstruct();
        created.put(instance.get(), instance);
        return instance.get();
    }

    @Override
    public boolean destroy(Object o) {
        Unmanaged.UnmanagedInstance<?> instance = created.remove(o);
        if (instance == null) {
            return false;
        }
        instance.preDestroy().dispose();
        return true;
    }
}
