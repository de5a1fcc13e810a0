package io.switchboard.impl.session;

import io.switchboard.RestartAdvice;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * The reconnect delays told to the sessions that end as the application stops: the window is cut into as many
 * equal slots as there are sessions, and each session gets a random moment in a slot of its own, so that the
 * clients come back evenly over the window (a uniform random delay each would still bunch: with 1,000 sessions
 * over 10 s, some second would get 130 of them). Sessions beyond the count (opened while stopping) get a uniform
 * random delay in the whole window.
 */
final class ReconnectSpread {

    private final long windowNanos;
    private final int slots;
    private final DoubleSupplier random;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param window the window; zero gives every session a reason without a delay
     * @param slots  how many sessions are to be told
     * @param random values in {@code [0, 1)}
     */
    ReconnectSpread(Duration window, int slots, DoubleSupplier random) {
        this.windowNanos = window.toNanos();
        this.slots = Math.max(1, slots);
        this.random = random;
    }

    /** The close reason for the next session. */
    String nextReason() {
        if (windowNanos == 0) {
            return RestartAdvice.REASON;
        }
        int slot = next.getAndIncrement();
        double at = slot < slots ? (slot + random.getAsDouble()) / slots : random.getAsDouble();
        return RestartAdvice.reason(Duration.ofNanos((long) (at * windowNanos)));
    }
}
