package io.switchboard.impl.endpoint;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Activates the CDI request context around an endpoint callback, so that {@code @RequestScoped} beans work
 * in {@code @OnMessage} and friends (Payara throws {@code ContextNotActiveException} there without it). A
 * controller remembers whether it activated the context, so each call borrows one from a small pool rather
 * than sharing one across threads; the pool grows to the number of threads calling at once.
 *
 * <p>Controllers come from an {@link Instance} found once, on the first call ({@code onOpen}, on a thread of the
 * deployment): {@code CDI.current()} finds the deployment by the thread's context class loader, and Undertow runs
 * {@code onClose} of a close the server started on an I/O thread, where it fails with "Unable to access CDI".
 */
final class RequestScope {

    private final Queue<RequestContextController> idle = new ConcurrentLinkedQueue<>();
    private volatile Instance<RequestContextController> controllers;

    /** Activates the request context unless it is already active; pass the result to {@link #exit}. */
    RequestContextController enter() {
        RequestContextController controller = idle.poll();
        if (controller == null) {
            controller = controllers().get();
        }
        if (controller.activate()) {
            return controller;
        }
        idle.offer(controller);
        return null;
    }

    private Instance<RequestContextController> controllers() {
        Instance<RequestContextController> found = controllers;
        if (found == null) {
            found = CDI.current().select(RequestContextController.class);
            controllers = found;
        }
        return found;
    }

    /** Ends what {@link #enter} began. */
    void exit(RequestContextController controller) {
        if (controller != null) {
            try {
                controller.deactivate();
            } finally {
                idle.offer(controller);
            }
        }
    }
}
