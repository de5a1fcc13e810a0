package io.switchboard.bench.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Waiting for a count of arrivals to settle, for the parts that cannot know how many will come. */
public final class Arrivals {
    private Arrivals() {}

    /**
     * Waits until {@code count} reaches {@code expected}, or has not grown for {@code quiet}, or {@code atMost} has
     * passed, looking every 20 ms.
     *
     * @param count    the arrivals so far
     * @param expected how many would end the wait at once; {@link Long#MAX_VALUE} for no such number
     * @param quiet    how long without a new arrival ends the wait
     * @param atMost   how long the wait may take in all
     */
    public static void awaitSettled(LongSupplier count, long expected, Duration quiet, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long last = -1;
        long quietSince = System.nanoTime();
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            long now = count.getAsLong();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > quiet.toNanos()) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
