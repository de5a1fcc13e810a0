package io.switchboard.impl.extension;

import io.switchboard.impl.handshake.HandshakeFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Switchboard's entry point in a WAR. It collects the user's endpoint classes and
 * {@code ServerApplicationConfig}s, puts the handshake filter ahead of the container's upgrade, and leaves
 * the endpoint registration to a listener: on Payara the order of this initializer and Tyrus's varies between
 * boots, and by the time listeners run the {@code ServerContainer} exists on both servers.
 */
@HandlesTypes({ServerEndpoint.class, ServerApplicationConfig.class})
public class SwitchboardInitializer implements ServletContainerInitializer {

    /** The name of the handshake filter's registration. */
    public static final String FILTER_NAME = "switchboard-handshake";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Set<Class<?>> endpoints = new LinkedHashSet<>();
        Set<Class<? extends ServerApplicationConfig>> applicationConfigs = new LinkedHashSet<>();
        for (Class<?> type : classes == null ? Set.<Class<?>>of() : classes) {
            if (type.isAnnotationPresent(ServerEndpoint.class)) {
                endpoints.add(type);
            } else if (ServerApplicationConfig.class.isAssignableFrom(type)
                    && type != FilteringApplicationConfig.class
                    && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers())) {
                applicationConfigs.add(type.asSubclass(ServerApplicationConfig.class));
            }
        }
        if (context.getFilterRegistration(FILTER_NAME) == null) {
            // Not declared by META-INF/web-fragment.xml (the application's ordering left the fragment out):
            // isMatchAfter=false still puts it ahead of Tyrus's upgrade filter (isMatchAfter=true) on every boot.
            FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, HandshakeFilter.class);
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
        context.addListener(new EndpointRegistrar(endpoints, applicationConfigs));
    }
}
