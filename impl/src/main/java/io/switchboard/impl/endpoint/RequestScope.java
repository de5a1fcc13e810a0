package io.switchboard.impl.endpoint;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Activates the CDI request context around an endpoint callback, so that {@code @RequestScoped} beans work
 * in {@code @OnMessage} and friends (Payara throws {@code ContextNotActiveException} there without it). A
 * controller remembers whether it activated the context, so each call borrows one from a small pool rather
 * than sharing one across threads; the pool grows to the number of threads calling at once.
 */
final class RequestScope {

    private final Queue<RequestContextController> idle = new ConcurrentLinkedQueue<>();

    /** Activates the request context unless it is already active; pass the result to {@link #exit}. */
    RequestContextController enter() {
        RequestContextController controller = idle.poll();
        if (controller == null) {
            controller = CDI.current().select(RequestContextController.class).get();
        }
        if (controller.activate()) {
            return controller;
        }
        idle.offer(controller);
        return null;
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
