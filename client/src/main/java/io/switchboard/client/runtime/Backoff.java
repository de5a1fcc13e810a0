package io.switchboard.client.runtime;

import io.switchboard.client.ClientOptions;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The delays between attempts: exponential ceilings with full jitter ("Exponential Backoff And Jitter", AWS
 * Architecture Blog, 2015). Step {@code k} (0 for the first) has the ceiling
 * {@code min(max, initial × multiplier^k)}; with full jitter the delay is uniform in {@code [0, ceiling]}, which
 * spreads a crowd of clients over the whole window instead of bunching them at its end.
 */
final class Backoff {
    /** The step a 1013 (try again later) starts from: the server asked for room, so skip the short waits. */
    static final int OVERLOADED_STEP = 2;

    private final long initialNanos;
    private final long maxNanos;
    private final double multiplier;
    private final boolean fullJitter;
    private final DoubleSupplier random;

    /**
     * @param options the client's backoff settings
     * @param random  uniform numbers in {@code [0, 1)}
     */
    Backoff(ClientOptions options, DoubleSupplier random) {
        this.initialNanos = options.backoffInitial().toNanos();
        this.maxNanos = options.backoffMax().toNanos();
        this.multiplier = options.backoffMultiplier();
        this.fullJitter = options.fullJitter();
        this.random = random;
    }

    /** The ceiling of step {@code k}. */
    Duration ceiling(int step) {
        double nanos = initialNanos * Math.pow(multiplier, Math.max(0, step));
        return Duration.ofNanos((long) Math.min(maxNanos, nanos));
    }

    /** The delay before the attempt at step {@code k}. */
    Duration delay(int step) {
        Duration ceiling = ceiling(step);
        return fullJitter ? Duration.ofNanos((long) (ceiling.toNanos() * random.getAsDouble())) : ceiling;
    }

    /** A short random pause under {@code initial}, so that clients told to come back together do not. */
    Duration soon() {
        return delay(0);
    }

    /** The largest delay. */
    Duration max() {
        return Duration.ofNanos(maxNanos);
    }
}
