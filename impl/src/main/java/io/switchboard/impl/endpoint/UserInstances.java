package io.switchboard.impl.endpoint;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Creates and destroys the user's endpoint instance for each connection, the way the container would: through
 * the user's configurator where it overrides {@code getEndpointInstance}, as a CDI bean where the class is a
 * {@code @Dependent} one (a Weld subclass with injection and the user's interceptors), and otherwise as an
 * unmanaged instance that still gets injection, interceptors, {@code @PostConstruct} and {@code @PreDestroy}.
 */
final class UserInstances {

    /** One connection's instance, and how to let it go. */
    interface Handle {
        Object instance();

        void destroy();
    }

    private final Class<?> type;
    private final ServerEndpointConfig.Configurator userConfigurator;
    private final boolean userCreatesInstances;
    private volatile Unmanaged<Object> unmanaged;

    UserInstances(Class<?> type, ServerEndpointConfig.Configurator userConfigurator) {
        this.type = type;
        this.userConfigurator = userConfigurator;
        this.userCreatesInstances = overridesGetEndpointInstance(userConfigurator.getClass());
    }

    private static boolean overridesGetEndpointInstance(Class<?> configurator) {
        try {
            return configurator.getMethod("getEndpointInstance", Class.class).getDeclaringClass()
                    != ServerEndpointConfig.Configurator.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    Handle create() throws InstantiationException {
        if (userCreatesInstances) {
            Object instance = userConfigurator.getEndpointInstance(type);
            return new Handle() {
                public Object instance() {
                    return instance;
                }

                public void destroy() {}
            };
        }
        Instance<?> beans = CDI.current().select(type);
        // Only a @Dependent bean gives an instance per connection that can be destroyed with it; a normal-scoped
        // endpoint would be one shared contextual instance, destroyed when any connection closed. Containers
        // create such endpoints per connection, non-contextually: so does Unmanaged.
        if (beans.isResolvable()
                && beans.getHandle().getBean().getBeanClass() == type
                && beans.getHandle().getBean().getScope() == Dependent.class) {
            return bean(beans);
        }
        return unmanaged();
    }

    private static <T> Handle bean(Instance<T> beans) {
        T instance = beans.get();
        return new Handle() {
            public Object instance() {
                return instance;
            }

            public void destroy() {
                beans.destroy(instance);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Handle unmanaged() {
        Unmanaged<Object> factory = unmanaged;
        if (factory == null) {
            BeanManager beanManager = CDI.current().getBeanManager();
            factory = new Unmanaged<>(beanManager, (Class<Object>) type);
            unmanaged = factory;
        }
        Unmanaged.UnmanagedInstance<Object> created =
                factory.newInstance().produce().inject().postConstruct();
        return new Handle() {
            public Object instance() {
                return created.get();
            }

            public void destroy() {
                created.preDestroy().dispose();
            }
        };
    }
}
