package io.switchboard.impl.delivery.tyrus;

import jakarta.websocket.Session;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a Tyrus session's scheduler. Tyrus reschedules the session's idle-timeout task on every message in
 * and out (pongs included), even when the session has no idle timeout, through the container's scheduler — on
 * Payara a managed executor that captures the thread's context on every call, which made a heartbeat's pong cost
 * several times a data frame. The task does nothing when it runs while the session has no idle timeout (Tyrus's
 * {@code IdleTimeoutCommand} checks), so such a task is not scheduled at all; everything else, and every task once
 * the application sets a timeout (setting it reschedules), goes to the container's scheduler unchanged.
 */
final class IdleTimerScheduler implements InvocationHandler {

    private final ScheduledExecutorService container;
    private final Session session;

    private IdleTimerScheduler(ScheduledExecutorService container, Session session) {
        this.container = container;
        this.session = session;
    }

    /**
     * Wraps a session's scheduler, once.
     *
     * @param container the scheduler Tyrus was given
     * @param session   the session whose idle timeout decides
     * @return the stand-in
     */
    static ScheduledExecutorService wrap(ScheduledExecutorService container, Session session) {
        if (Proxy.isProxyClass(container.getClass())
                && Proxy.getInvocationHandler(container) instanceof IdleTimerScheduler) {
            return container;
        }
        return (ScheduledExecutorService) Proxy.newProxyInstance(
                IdleTimerScheduler.class.getClassLoader(),
                new Class<?>[] {ScheduledExecutorService.class},
                new IdleTimerScheduler(container, session));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("schedule")
                && args != null
                && args.length == 3
                && args[0] != null
                && args[0].getClass().getSimpleName().equals("IdleTimeoutCommand")
                && session.getMaxIdleTimeout() <= 0) {
            return Unscheduled.INSTANCE;
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "IdleTimerScheduler[" + container + "]";
            };
        }
        try {
            return method.invoke(container, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The future of a task that was never scheduled: already cancelled. */
    private static final class Unscheduled implements ScheduledFuture<Object> {
        static final Unscheduled INSTANCE = new Unscheduled();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
