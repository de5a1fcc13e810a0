package io.switchboard.impl.limit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket as the generic cell rate algorithm keeps it: one number, the theoretical time at which the bucket
 * would be full again. Taking {@code n} tokens moves it {@code n} emission intervals later; the take is refused when
 * that would put it more than the bucket's capacity (burst × interval) ahead of now. Lock-free: one volatile read and
 * one compare-and-set per check, no allocation.
 */
public final class Bucket {

    private final Rate rate;
    private final AtomicLong fullAt;

    public Bucket(Rate rate, long now) {
        this.rate = rate;
        this.fullAt = new AtomicLong(now);
    }

    /**
     * A rate: {@code units} per {@code periodNanos}, at most {@code burst} at once.
     *
     * @param units       units per period (messages or bytes), at least 1
     * @param periodNanos the period
     * @param burst       the most units at once, at least 1
     */
    public record Rate(long units, long periodNanos, long burst) {

        long intervalNanos(long count) {
            // count * period / units without overflow for any realistic count (up to 2^31 bytes, periods of hours)
            long nanos = Math.multiplyHigh(count, periodNanos) == 0 && count * periodNanos >= 0
                    ? count * periodNanos / units
                    : (long) ((double) count * periodNanos / units);
            // Above one unit per nanosecond (1 GB/s) a small take rounds down to nothing: charge it the clock's
            // resolution, or such takes would never be refused.
            return count > 0 ? Math.max(1, nanos) : 0;
        }

        long capacityNanos() {
            return intervalNanos(burst);
        }
    }

    /**
     * Takes tokens if the bucket has them.
     *
     * @param count how many
     * @param now   {@link System#nanoTime()}
     * @return whether they were taken
     */
    public boolean tryTake(long count, long now) {
        long cost = rate.intervalNanos(count);
        long capacity = rate.capacityNanos();
        while (true) {
            long current = fullAt.get();
            long next = later(current, now) + cost;
            if (next - now > capacity) {
                return false;
            }
            if (fullAt.compareAndSet(current, next)) {
                return true;
            }
        }
    }

    /**
     * How long until {@code count} tokens could be taken, for a {@code Retry-After}.
     *
     * @param count how many
     * @param now   {@link System#nanoTime()}
     * @return nanoseconds, 0 if now
     */
    long waitNanos(long count, long now) {
        long next = later(fullAt.get(), now) + rate.intervalNanos(count);
        return Math.max(0, next - now - rate.capacityNanos());
    }

    /** Whether the bucket is full (nothing taken recently): an unused shared bucket can be dropped. */
    boolean isFull(long now) {
        return fullAt.get() - now <= 0;
    }

    /** The later of two {@link System#nanoTime()} values: compared by difference, as nanoTime may wrap. */
    private static long later(long a, long b) {
        return a - b > 0 ? a : b;
    }
}
