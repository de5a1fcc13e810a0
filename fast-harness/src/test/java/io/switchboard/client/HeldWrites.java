package io.switchboard.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The JVM's Tyrus client container, with one difference a test controls: the report of an asynchronous text write
 * that {@code held} matches reaches the sender only when the test releases it, as a container does that reports a
 * write after the close that followed it. The bytes go out at once; only the report waits.
 */
final class HeldWrites {
    private final Predicate<String> held;
    private final CompletableFuture<SendHandler> heldHandler = new CompletableFuture<>();
    private final CompletableFuture<SendResult> heldResult = new CompletableFuture<>();

    HeldWrites(Predicate<String> held) {
        this.held = held;
    }

    /** The container to give the client under test. */
    WebSocketContainer container() {
        WebSocketContainer real = ContainerProvider.getWebSocketContainer();
        return proxy(WebSocketContainer.class, real, (target, method, args) -> {
            if (method.getName().equals("connectToServer") && args[0] instanceof Endpoint endpoint) {
                return real.connectToServer(
                        new Watched(endpoint), (ClientEndpointConfig) args[1], (java.net.URI) args[2]);
            }
            return null;
        });
    }

    /** Waits until the held write has been written and its report is waiting. */
    void awaitWritten() throws Exception {
        heldResult.get(10, TimeUnit.SECONDS);
    }

    /** Hands the waiting report to the sender. */
    void release() throws Exception {
        heldHandler.get(10, TimeUnit.SECONDS).onResult(heldResult.get(10, TimeUnit.SECONDS));
    }

    /** Hands the sender a failure instead: the write did not reach the socket. */
    void releaseAsFailed() throws Exception {
        heldHandler.get(10, TimeUnit.SECONDS).onResult(new SendResult(new java.io.IOException("held and failed")));
    }

    /** The client's endpoint, given a session whose async remote holds the matching write's report. */
    private final class Watched extends Endpoint {
        private final Endpoint endpoint;

        Watched(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            endpoint.onOpen(holding(session), config);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            endpoint.onClose(session, reason);
        }

        @Override
        public void onError(Session session, Throwable error) {
            endpoint.onError(session, error);
        }
    }

    private Session holding(Session session) {
        return proxy(
                Session.class,
                session,
                (target, method, args) -> method.getName().equals("getAsyncRemote")
                        ? proxy(RemoteEndpoint.Async.class, target.getAsyncRemote(), this::sendText)
                        : null);
    }

    private Object sendText(RemoteEndpoint.Async remote, Method method, Object[] args) {
        if (method.getName().equals("sendText")
                && args.length == 2
                && args[1] instanceof SendHandler handler
                && held.test((String) args[0])
                && heldHandler.complete(handler)) {
            remote.sendText((String) args[0], heldResult::complete);
            return Void.TYPE;
        }
        return null;
    }

    /** What an intercepting call answers: {@code null} to pass the call on, {@code Void.TYPE} for a void handled. */
    private interface Interception<T> {
        Object apply(T target, Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Interception<T> interception) {
        InvocationHandler handler = (self, method, args) -> {
            Object[] arguments = args == null ? new Object[0] : args;
            Object answer = interception.apply(target, method, arguments);
            if (answer == Void.TYPE) {
                return null;
            }
            if (answer != null) {
                return answer;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
