package io.switchboard.bench;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A JSR 356 container that does no I/O, for the client part's rows that weigh the reconnecting client's own work
 * per message: {@code connectToServer} opens the endpoint at once on a session whose asynchronous sends complete
 * before they return, and the session plays {@code ClientPeerEndpoint}: it counts the text messages sent to it,
 * answers {@code end} with {@code received <n>}, and answers {@code push <count> <bytes>} with that many messages,
 * handed to the session's text handler on the sending thread. What is left in a round is the two clients' own code
 * and the bench's.
 *
 * <p>Built from {@link Proxy dynamic proxies}: every call to the session and its remote costs a reflective
 * dispatch, the same for both clients per send (B also asks the session for its remote once a message, A once a
 * round: one proxy call, tens of nanoseconds, which B's figure carries).
 */
final class ClientNoIo {

    private static final SendResult OK = new SendResult();
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private ClientNoIo() {}

    /** A container whose every connection is such a session. */
    static WebSocketContainer container() {
        return proxy(WebSocketContainer.class, (method, args) -> {
            if (method.getName().equals("connectToServer")
                    && args.length == 3
                    && args[0] instanceof Endpoint endpoint
                    && args[1] instanceof ClientEndpointConfig config) {
                Session session = new Peer().session;
                endpoint.onOpen(session, config);
                return session;
            }
            throw new UnsupportedOperationException(method.toString());
        });
    }

    /** One connection's far end. */
    private static final class Peer {
        private final Map<String, Object> properties = new HashMap<>();
        private MessageHandler.Whole<String> text;
        private long received;
        final RemoteEndpoint.Async remote = proxy(RemoteEndpoint.Async.class, (method, args) -> {
            switch (method.getName()) {
                case "sendText" -> {
                    take((String) args[0]);
                    if (args.length == 2) {
                        ((SendHandler) args[1]).onResult(OK);
                        return null;
                    }
                    return DONE;
                }
                case "sendBinary", "sendObject" -> throw new UnsupportedOperationException(method.toString());
                default -> {
                    return null;
                }
            }
        });
        final Session session = proxy(Session.class, (method, args) -> switch (method.getName()) {
            case "getAsyncRemote" -> remote;
            case "addMessageHandler" -> {
                if (args.length == 2 && args[0] == String.class) {
                    @SuppressWarnings("unchecked")
                    MessageHandler.Whole<String> handler = (MessageHandler.Whole<String>) args[1];
                    text = handler;
                }
                yield null;
            }
            case "getUserProperties" -> properties;
            case "isOpen" -> true;
            case "getId" -> "no-io";
            case "getNegotiatedSubprotocol" -> "";
            default -> null;
        });

        private void take(String message) {
            if (message.equals("end")) {
                long count = received;
                received = 0;
                text.onMessage("received " + count);
            } else if (message.startsWith("push ")) {
                String[] words = message.split(" ");
                int count = Integer.parseInt(words[1]);
                String payload = "p".repeat(Integer.parseInt(words[2]));
                for (int i = 0; i < count; i++) {
                    text.onMessage(payload);
                }
            } else {
                received++;
            }
        }
    }

    private interface Answer {
        Object answer(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        Object instance = Proxy.newProxyInstance(
                ClientNoIo.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(self);
                            case "equals" -> self == args[0];
                            default -> type.getSimpleName() + "(no I/O)";
                        };
                    }
                    Object result = answer.answer(method, args == null ? new Object[0] : args);
                    return result != null ? result : zero(method.getReturnType());
                });
        return type.cast(instance);
    }

    /** What a method returns when it has nothing to say: 0, false, or null. */
    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type.isPrimitive() && type != void.class) {
            throw new UnsupportedOperationException("no zero for " + type);
        }
        return null;
    }
}
