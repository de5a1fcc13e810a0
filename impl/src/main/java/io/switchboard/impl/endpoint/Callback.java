package io.switchboard.impl.endpoint;

import io.switchboard.impl.handshake.HandshakeProperties;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One annotated method of a user endpoint with, for each of its parameters, where the argument comes from.
 * The parameter rules are those of Jakarta WebSocket 2.1 for annotated endpoints.
 */
final class Callback {

    /** Where one argument comes from. May throw {@link DecodeException} for a path parameter that does not convert. */
    @FunctionalInterface
    interface Source {
        Object from(Invocation invocation) throws DecodeException;
    }

    private final Method method;
    private final Source[] sources;

    private Callback(Method method, Source[] sources) {
        this.method = method;
        this.sources = sources;
    }

    Method method() {
        return method;
    }

    /**
     * Reads a lifecycle callback ({@code @OnOpen}, {@code @OnClose}, {@code @OnError}): besides
     * {@code Session} and path parameters it may take the one parameter type {@code extra} names.
     */
    static Callback lifecycle(Method method, Class<?> extra, Function<Invocation, Object> extraValue)
            throws DeploymentException {
        Parameter[] parameters = method.getParameters();
        Source[] sources = new Source[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Source common = commonSource(parameters[i]);
            if (common != null) {
                sources[i] = common;
            } else if (extra != null && parameters[i].getType().isAssignableFrom(extra)) {
                sources[i] = extraValue::apply;
            } else {
                throw new DeploymentException("Switchboard: parameter " + i + " ("
                        + parameters[i].getType().getName() + ") of " + describe(method)
                        + " is not allowed on this callback");
            }
        }
        return new Callback(method, sources);
    }

    static Callback onOpen(Method method) throws DeploymentException {
        return lifecycle(method, EndpointConfig.class, Invocation::config);
    }

    static Callback onClose(Method method) throws DeploymentException {
        return lifecycle(method, CloseReason.class, Invocation::reason);
    }

    static Callback onError(Method method) throws DeploymentException {
        return lifecycle(method, Throwable.class, Invocation::error);
    }

    /**
     * Reads an {@code @OnMessage} method: {@code messageIndex} and {@code lastIndex} (or -1) are the
     * parameters holding the message and the partial-message flag; the others must be
     * {@code Session} or path parameters.
     */
    static Callback onMessage(Method method, int messageIndex, int lastIndex, Function<Object, Object> convert)
            throws DeploymentException {
        Parameter[] parameters = method.getParameters();
        Source[] sources = new Source[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            if (i == messageIndex) {
                sources[i] = convert == null ? Invocation::message : inv -> convertText(convert, inv.message());
            } else if (i == lastIndex) {
                sources[i] = Invocation::last;
            } else {
                Source common = commonSource(parameters[i]);
                if (common == null) {
                    throw new DeploymentException("Switchboard: parameter " + i + " of " + describe(method)
                            + " is neither the message, a Session, a JsonWebToken nor a @PathParam");
                }
                sources[i] = common;
            }
        }
        return new Callback(method, sources);
    }

    private static Object convertText(Function<Object, Object> convert, Object text) throws DecodeException {
        try {
            return convert.apply(text);
        } catch (RuntimeException e) {
            throw new DecodeException((String) text, "Cannot convert the text message", e);
        }
    }

    /**
     * {@code Session}, {@code @PathParam} and {@code JsonWebToken} parameters, allowed on every callback;
     * {@code null} for others. A {@code JsonWebToken} parameter gets the token the session was admitted with, or
     * {@code null}: the request-scoped token MP-JWT injects is not there outside the handshake.
     */
    static Source commonSource(Parameter parameter) {
        if (parameter.getType() == Session.class) {
            return Invocation::session;
        }
        if (parameter.getType() == JsonWebToken.class) {
            return inv -> token(inv.session());
        }
        PathParam pathParam = parameter.getAnnotation(PathParam.class);
        if (pathParam != null) {
            String name = pathParam.value();
            Class<?> type = parameter.getType();
            return inv -> {
                String raw = inv.session().getPathParameters().get(name);
                try {
                    return raw == null ? null : Conversions.fromString(raw, type);
                } catch (RuntimeException e) {
                    throw new DecodeException(
                            raw, "Cannot convert path parameter '" + name + "' to " + type.getName(), e);
                }
            };
        }
        return null;
    }

    private static JsonWebToken token(Session session) {
        if (HandshakeProperties.principal(session.getUserProperties()) instanceof JsonWebToken token) {
            return token;
        }
        return session.getUserPrincipal() instanceof JsonWebToken token ? token : null;
    }

    /**
     * Calls the method on the user's instance.
     *
     * @return what the method returned
     * @throws Throwable what the method threw, unwrapped, or a {@link DecodeException} from argument conversion
     */
    Object invoke(Object instance, Invocation invocation) throws Throwable {
        Object[] args = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            args[i] = sources[i].from(invocation);
        }
        try {
            return method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }
}
