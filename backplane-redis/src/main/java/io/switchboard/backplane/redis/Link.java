package io.switchboard.backplane.redis;

import java.util.function.Consumer;

/**
 * Whether the link to Redis is up: both connections (commands and subscriptions) active, and the last heartbeat
 * answered in time. A frozen Redis keeps its sockets open, so the heartbeat is what notices it. Reports each change
 * once, in order: under its lock, so a quick drop and return are never reported the other way round (the
 * listener only logs and issues commands, it never waits).
 */
final class Link {

    private final Consumer<Boolean> changes;
    private int active;
    private boolean answering = true;
    private boolean up;

    Link(Consumer<Boolean> changes) {
        this.changes = changes;
    }

    void connectionActivated() {
        update(() -> active++);
    }

    void connectionDeactivated() {
        update(() -> active = Math.max(0, active - 1));
    }

    void heartbeat(boolean answered) {
        update(() -> answering = answered);
    }

    synchronized boolean up() {
        return up;
    }

    private synchronized void update(Runnable change) {
        change.run();
        boolean now = active >= 2 && answering;
        if (now != up) {
            up = now;
            changes.accept(now);
        }
    }
}
