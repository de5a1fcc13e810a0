package io.switchboard.impl.delivery.tyrus;

import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.Lock;

/**
 * The Tyrus members the fast path uses, found once per session class by reflection and kept as method
 * handles, so that a send costs no lookup:
 * <ul>
 *     <li>the {@code webSocket} field of the session's async remote (Tyrus's {@code TyrusRemoteEndpoint}): the
 *     connection's {@code TyrusWebSocket};</li>
 *     <li>{@code TyrusWebSocket.sendRawFrame(ByteBuffer)}, public: it checks the connection is open, then writes the
 *     frame under the same per-connection lock, and after the same wait for a partial message in progress, as
 *     Tyrus's own sends, so a user's direct sends and ours are never interleaved within a frame;</li>
 *     <li>{@code TyrusSession.restartIdleTimeoutExecutor()}, package-private: Tyrus's own async sends call it, so
 *     that sending counts as activity for the session's idle timeout;</li>
 *     <li>the connection's send lock ({@code TyrusWebSocket.protocolHandler.lock}), which Tyrus holds to write any
 *     frame, the close frame included: {@code sendRawFrame} checks only that the connection is not closed yet, and a
 *     session's close marks the session closed <em>before</em> it takes this lock to write its close frame, so a
 *     frame written under the lock after seeing the session open can never follow the close frame.</li>
 * </ul>
 * {@code sendRawFrame} returns a {@code TyrusFuture}, which in Tyrus 2.x is a {@link java.util.concurrent.CompletableFuture}
 * completed by the write's completion: that is where the completion callback comes from, with no private API.
 */
final class TyrusInternals {

    private final Class<?> sessionClass;
    private final Class<?> remoteClass;
    private final MethodHandle webSocketOf;
    private final MethodHandle sendRawFrame;
    private final MethodHandle restartIdleTimer;
    private final MethodHandle sendLockOf;
    private final Field scheduler;

    private TyrusInternals(
            Class<?> sessionClass,
            Class<?> remoteClass,
            MethodHandle webSocketOf,
            MethodHandle sendRawFrame,
            MethodHandle restartIdleTimer,
            MethodHandle sendLockOf,
            Field scheduler) {
        this.sessionClass = sessionClass;
        this.remoteClass = remoteClass;
        this.webSocketOf = webSocketOf;
        this.sendRawFrame = sendRawFrame;
        this.restartIdleTimer = restartIdleTimer;
        this.sendLockOf = sendLockOf;
        this.scheduler = scheduler;
    }

    /**
     * Finds the members for a session of this kind.
     *
     * @param session a session
     * @return the members
     * @throws UnsupportedOperationException naming what is not as expected
     */
    static TyrusInternals of(Session session) {
        Class<?> sessionClass = session.getClass();
        if (!sessionClass.getName().startsWith("org.glassfish.tyrus.")) {
            throw new UnsupportedOperationException(
                    "the container's sessions are " + sessionClass.getName() + ", not Tyrus's");
        }
        Object remote = session.getAsyncRemote();
        Class<?> remoteClass = remote.getClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Field webSocket = field(remoteClass, "webSocket");
            webSocket.setAccessible(true);
            Method send = webSocket.getType().getMethod("sendRawFrame", ByteBuffer.class);
            if (!Future.class.isAssignableFrom(send.getReturnType())) {
                throw new UnsupportedOperationException(
                        "sendRawFrame returns " + send.getReturnType().getName());
            }
            requireCallbacks(webSocket.getType());
            Method restart = method(sessionClass, "restartIdleTimeoutExecutor");
            restart.setAccessible(true);
            Field scheduler = field(sessionClass, "service");
            if (scheduler.getType() != ScheduledExecutorService.class) {
                throw new UnsupportedOperationException(
                        "the session's service is a " + scheduler.getType().getName());
            }
            scheduler.setAccessible(true);
            Field handler = field(webSocket.getType(), "protocolHandler");
            handler.setAccessible(true);
            Field lock = field(handler.getType(), "lock");
            if (lock.getType() != Lock.class) {
                throw new UnsupportedOperationException(
                        "the protocol handler's lock is a " + lock.getType().getName());
            }
            lock.setAccessible(true);
            MethodHandle sendLockOf = MethodHandles.filterReturnValue(
                            lookup.unreflectGetter(handler), lookup.unreflectGetter(lock))
                    .asType(MethodType.methodType(Lock.class, Object.class));
            return new TyrusInternals(
                    sessionClass,
                    remoteClass,
                    lookup.unreflectGetter(webSocket).asType(MethodType.methodType(Object.class, Object.class)),
                    lookup.unreflect(send).asType(MethodType.methodType(Object.class, Object.class, ByteBuffer.class)),
                    lookup.unreflect(restart).asType(MethodType.methodType(void.class, Object.class)),
                    sendLockOf,
                    scheduler);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // NoSuchField/NoSuchMethod, InaccessibleObjectException (a module closed to us), a class we cannot load.
            throw new UnsupportedOperationException(e.toString(), e);
        }
    }

    /** Whether a session has the classes these members were found on. */
    boolean fits(Session session) {
        return session.getClass() == sessionClass && session.getAsyncRemote().getClass() == remoteClass;
    }

    Object webSocketOf(Session session) throws Throwable {
        return (Object) webSocketOf.invokeExact((Object) session.getAsyncRemote());
    }

    /** The lock Tyrus holds to write any frame to the connection, the close frame included. */
    Lock sendLockOf(Object webSocket) throws Throwable {
        return (Lock) sendLockOf.invokeExact(webSocket);
    }

    Object sendRawFrame(Object webSocket, ByteBuffer frame) throws Throwable {
        return (Object) sendRawFrame.invokeExact(webSocket, frame);
    }

    /**
     * Gives the session a scheduler that skips idle-timeout tasks while it has no idle timeout (see
     * {@link IdleTimerScheduler}).
     *
     * @param session the session
     */
    void skipIdleTimerWithoutTimeout(Session session) throws IllegalAccessException {
        Object current = scheduler.get(session);
        if (current instanceof ScheduledExecutorService container) {
            scheduler.set(session, IdleTimerScheduler.wrap(container, session));
        }
    }

    void restartIdleTimer(Session session) throws Throwable {
        restartIdleTimer.invokeExact((Object) session);
    }

    /**
     * The completion callback rests on Tyrus's future being a {@link CompletionStage} ({@code TyrusFuture} extends
     * {@code CompletableFuture} in Tyrus 2.x): checked here, before any frame is written, rather than discovered
     * after a write whose end we could not observe.
     */
    private static void requireCallbacks(Class<?> webSocketClass) throws ClassNotFoundException {
        Class<?> future =
                Class.forName(webSocketClass.getPackageName() + ".TyrusFuture", false, webSocketClass.getClassLoader());
        if (!CompletionStage.class.isAssignableFrom(future)) {
            throw new UnsupportedOperationException(future.getName() + " is not a CompletionStage");
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name);
            } catch (NoSuchMethodException next) {
                // look in the superclass
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + "()");
    }
}
