package io.switchboard.impl.delivery.tyrus;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes a close the server starts end a Tyrus session once, with the server's code, when the peer answers it at once.
 *
 * <p>Why: when the server closes a session (the application, from any thread, or Switchboard), Tyrus sends the close
 * frame, runs the endpoint's {@code onClose}, and only then closes the connection. A browser answers the close frame
 * at once, echoing its code, and the container's read thread hands that answer to Tyrus meanwhile: Tyrus then ends
 * the session a second time from the read thread, concurrently. The endpoint's {@code onClose} is called with the
 * answer's code (with 1012 or 1013, which Tyrus refuses from a client, with {@code 1002 Illegal close code}), often
 * before the server's own, and the connection is closed twice at once.
 *
 * <p>How: {@code TyrusWebSocket.onClose} does its work only if {@code lock.tryLock()} succeeds. The guard replaces
 * the socket's {@code lock} with one whose {@code tryLock} refuses, once the socket is {@code CLOSING} or
 * {@code CLOSED}, every caller but {@code ProtocolHandler.close}: that is where the thread that closes calls
 * {@code onClose} after writing its close frame, whether the server started the close or is answering the peer's.
 * The server's own ending then runs once, with its code, and an answer read meanwhile is dropped, as RFC 6455 allows
 * once a close frame was sent. A close the peer starts is read while the socket is still {@code CONNECTED}, so it
 * goes on as before. The lock is set when the socket is built, before the endpoint's {@code onOpen}, where the guard
 * installs itself.
 */
final class EchoedCloseGuard {

    private static final Logger LOG = Logger.getLogger(EchoedCloseGuard.class.getName());

    /** The members of each socket class, found once; empty where they are not as expected (logged once). */
    private static final ClassValue<Optional<Members>> MEMBERS = new ClassValue<>() {
        @Override
        protected Optional<Members> computeValue(Class<?> webSocketClass) {
            try {
                return Optional.of(Members.of(webSocketClass));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.log(Level.FINE, "Switchboard: no guard against a peer's answer to a server's close", e);
                return Optional.empty();
            }
        }
    };

    private EchoedCloseGuard() {}

    /**
     * Guards a socket that is opening; does nothing where Tyrus's members are not as expected (logged once, at
     * {@code FINE}: the session then works as Tyrus alone makes it).
     *
     * @param webSocket the session's {@code TyrusWebSocket}
     */
    static void guard(Object webSocket) {
        Members members = MEMBERS.get(webSocket.getClass()).orElse(null);
        if (members == null) {
            return;
        }
        try {
            Lock lock = (Lock) members.lock.get(webSocket);
            if (lock instanceof CloserOnlyLock) {
                return;
            }
            members.lock.set(webSocket, new CloserOnlyLock(lock, (AtomicReference<?>) members.state.get(webSocket)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Switchboard: no guard against a peer's answer to a server's close", e);
        }
    }

    private static boolean isNamed(Object state, String name) {
        return state instanceof Enum<?> constant && constant.name().equals(name);
    }

    /**
     * {@code TyrusWebSocket.lock}, whose {@code tryLock} only {@code ProtocolHandler.close} passes once the socket is
     * closing or closed.
     */
    private static final class CloserOnlyLock implements Lock {

        private static final String PROTOCOL_HANDLER = "org.glassfish.tyrus.core.ProtocolHandler";
        private static final StackWalker STACK = StackWalker.getInstance();

        private final Lock lock;
        private final AtomicReference<?> state;

        CloserOnlyLock(Lock lock, AtomicReference<?> state) {
            this.lock = lock;
            this.state = state;
        }

        /** Whether {@code onClose} is asked again, from elsewhere than the closing thread's close. */
        private boolean endedAlready() {
            Object now = state.get();
            if (!(isNamed(now, "CLOSING") || isNamed(now, "CLOSED"))) {
                return false;
            }
            return STACK.walk(
                    frames -> frames.noneMatch(frame -> frame.getClassName().equals(PROTOCOL_HANDLER)
                            && frame.getMethodName().equals("close")));
        }

        @Override
        public boolean tryLock() {
            return !endedAlready() && lock.tryLock();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            return !endedAlready() && lock.tryLock(time, unit);
        }

        @Override
        public void lock() {
            lock.lock();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            lock.lockInterruptibly();
        }

        @Override
        public void unlock() {
            lock.unlock();
        }

        @Override
        public Condition newCondition() {
            return lock.newCondition();
        }
    }

    /** {@code TyrusWebSocket}'s {@code state} and {@code lock}. */
    private record Members(Field state, Field lock) {

        static Members of(Class<?> webSocketClass) throws ReflectiveOperationException {
            Field state = webSocketClass.getDeclaredField("state");
            Field lock = webSocketClass.getDeclaredField("lock");
            if (state.getType() != AtomicReference.class || lock.getType() != Lock.class) {
                throw new NoSuchFieldException(
                        "TyrusWebSocket's state is a " + state.getType().getName() + " and its lock a "
                                + lock.getType().getName());
            }
            state.setAccessible(true);
            lock.setAccessible(true);
            return new Members(state, lock);
        }
    }
}
