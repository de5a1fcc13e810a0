package io.switchboard.impl.endpoint;

import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What Switchboard reads from a user's {@code @ServerEndpoint} class, once, at deployment: its callbacks
 * and how to call them. Invalid classes fail the deployment as the container would fail them.
 */
public final class EndpointModel {

    private final Class<?> type;
    private final String id;
    private final ServerEndpoint annotation;
    private final Callback onOpen;
    private final Callback onClose;
    private final Callback onError;
    private final List<MessageMethod> messageMethods;

    private EndpointModel(
            Class<?> type,
            ServerEndpoint annotation,
            Callback onOpen,
            Callback onClose,
            Callback onError,
            List<MessageMethod> messageMethods) {
        this.type = type;
        this.id = EndpointIds.of(type);
        this.annotation = annotation;
        this.onOpen = onOpen;
        this.onClose = onClose;
        this.onError = onError;
        this.messageMethods = messageMethods;
    }

    /**
     * Reads an endpoint class.
     *
     * @param type a class annotated with {@code @ServerEndpoint}
     * @return its model
     * @throws DeploymentException if the class breaks the rules for annotated endpoints
     */
    public static EndpointModel read(Class<?> type) throws DeploymentException {
        ServerEndpoint annotation = type.getAnnotation(ServerEndpoint.class);
        if (annotation == null) {
            throw new DeploymentException("Switchboard: " + type.getName() + " is not annotated with @ServerEndpoint");
        }
        List<Class<? extends Decoder>> decoders = Arrays.asList(annotation.decoders());
        Callback open = null;
        Callback close = null;
        Callback error = null;
        List<MessageMethod> messages = new ArrayList<>();
        Map<MessageMethod.Frame, Method> byFrame = new EnumMap<>(MessageMethod.Frame.class);
        for (Method method : type.getMethods()) {
            if (method.isBridge() || method.isSynthetic()) {
                continue;
            }
            if (method.isAnnotationPresent(OnOpen.class)) {
                open = single(open, Callback.onOpen(method), OnOpen.class);
            }
            if (method.isAnnotationPresent(OnClose.class)) {
                close = single(close, Callback.onClose(method), OnClose.class);
            }
            if (method.isAnnotationPresent(OnError.class)) {
                error = single(error, Callback.onError(method), OnError.class);
            }
            if (method.isAnnotationPresent(OnMessage.class)) {
                MessageMethod message = MessageMethod.read(method, decoders);
                Method previous = byFrame.put(message.frame(), method);
                if (previous != null) {
                    throw new DeploymentException("Switchboard: " + type.getName() + " has two @OnMessage methods for "
                            + message.frame().name().toLowerCase() + " messages: " + previous.getName() + " and "
                            + method.getName());
                }
                messages.add(message);
            }
        }
        return new EndpointModel(type, annotation, open, close, error, List.copyOf(messages));
    }

    private static Callback single(Callback existing, Callback found, Class<?> annotation) throws DeploymentException {
        if (existing != null) {
            throw new DeploymentException(
                    "Switchboard: " + found.method().getDeclaringClass().getName() + " has two @"
                            + annotation.getSimpleName() + " methods: "
                            + existing.method().getName() + " and "
                            + found.method().getName());
        }
        return found;
    }

    /** The endpoint id: the class's {@code @EndpointId}, else its simple name (see {@link EndpointIds}). */
    public String id() {
        return id;
    }

    /** The user's endpoint class. */
    public Class<?> type() {
        return type;
    }

    /** The user's {@code @ServerEndpoint}. */
    public ServerEndpoint annotation() {
        return annotation;
    }

    Callback onOpen() {
        return onOpen;
    }

    Callback onClose() {
        return onClose;
    }

    Callback onError() {
        return onError;
    }

    List<MessageMethod> messageMethods() {
        return messageMethods;
    }
}
