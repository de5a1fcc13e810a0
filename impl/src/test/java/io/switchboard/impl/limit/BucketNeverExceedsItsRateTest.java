package io.switchboard.impl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The promise of a token bucket, over random rates and random schedules of takes on a fake clock: in any window,
 * what it admits is at most the burst plus the rate times the window's length, and a fresh bucket admits its whole
 * burst at once. The clock starts anywhere, near the wrap of {@code nanoTime} too: only differences count.
 */
class BucketNeverExceedsItsRateTest {

    private static final int RUNS = 300;
    private static final int TAKES = 150;

    @Test
    void noWindowAdmitsMoreThanTheBurstPlusTheRateTimesItsLength() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            Bucket.Rate rate = randomRate(random);
            long start = randomOrigin(random);
            Bucket bucket = new Bucket(rate, start);
            List<long[]> admitted = new ArrayList<>(); // {elapsed since start, count}
            long elapsed = 0;
            for (int i = 0; i < TAKES; i++) {
                elapsed += randomGap(random, rate);
                long count = 1 + (random.nextInt(4) == 0 ? random.nextLong(rate.burst()) : 0);
                if (bucket.tryTake(count, start + elapsed)) {
                    admitted.add(new long[] {elapsed, count});
                }
            }
            String context = "seed " + seed + ", run " + run + ", " + rate + ", clock from " + start;
            assertWindowsWithinRate(admitted, rate, context);
        }
    }

    @Test
    void aFreshBucketAdmitsItsWholeBurstAtOnceAndNoMore() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            Bucket.Rate rate = randomRate(random);
            long now = randomOrigin(random);
            Bucket bucket = new Bucket(rate, now);
            String context = "seed " + seed + ", run " + run + ", " + rate + ", clock at " + now;
            assertThat(bucket.tryTake(rate.burst(), now))
                    .as("the whole burst at once; %s", context)
                    .isTrue();
            assertThat(bucket.tryTake(1, now))
                    .as("one past the burst; %s", context)
                    .isFalse();
            if (rate.burst() <= 1000) {
                // One at a time, costs rounded down to whole nanoseconds: at most a nanosecond's worth per take more.
                Bucket single = new Bucket(rate, now);
                long admitted = 0;
                while (admitted <= 2 * rate.burst() && single.tryTake(1, now)) {
                    admitted++;
                }
                assertThat(admitted)
                        .as("one at a time; %s", context)
                        .isGreaterThanOrEqualTo(
                                Math.min(rate.burst(), rate.periodNanos() * rate.burst() / rate.units()));
                assertThat(BigInteger.valueOf(admitted - rate.burst()).multiply(BigInteger.valueOf(rate.periodNanos())))
                        .as("one at a time, %d admitted; %s", admitted, context)
                        .isLessThanOrEqualTo(BigInteger.valueOf(rate.units()).multiply(BigInteger.valueOf(admitted)));
            }
        }
    }

    /**
     * Checks every window that starts and ends at an admitted take. Costs are whole nanoseconds, rounded down so
     * that a full burst always fits: each take may come up to a nanosecond early, so the window is allowed one
     * nanosecond per take on top of its length.
     */
    private static void assertWindowsWithinRate(List<long[]> admitted, Bucket.Rate rate, String context) {
        BigInteger units = BigInteger.valueOf(rate.units());
        BigInteger period = BigInteger.valueOf(rate.periodNanos());
        BigInteger burstTimesPeriod = BigInteger.valueOf(rate.burst()).multiply(period);
        for (int from = 0; from < admitted.size(); from++) {
            long sum = 0;
            for (int to = from; to < admitted.size(); to++) {
                sum += admitted.get(to)[1];
                long window = admitted.get(to)[0] - admitted.get(from)[0];
                int takes = to - from + 1;
                // sum <= burst + units * (window + takes) / period, without rounding where it is close
                double slack = rate.burst() + (double) rate.units() * (window + takes) / rate.periodNanos() - sum;
                if (slack > 1e-6 * sum + 1) {
                    continue;
                }
                BigInteger taken = BigInteger.valueOf(sum).multiply(period);
                BigInteger allowed = burstTimesPeriod.add(units.multiply(BigInteger.valueOf(window + takes)));
                if (taken.compareTo(allowed) > 0) {
                    throw new AssertionError("admitted " + sum + " units in " + window + " ns over " + takes
                            + " takes, more than the burst plus the rate allow; " + context);
                }
            }
        }
    }

    static Bucket.Rate randomRate(Random random) {
        long[] periods = {
            TimeUnit.MILLISECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(250),
            TimeUnit.SECONDS.toNanos(1),
            TimeUnit.MINUTES.toNanos(1),
            TimeUnit.HOURS.toNanos(1)
        };
        long period = periods[random.nextInt(periods.length)];
        long units = switch (random.nextInt(3)) {
            case 0 -> 1 + random.nextInt(10); // a few messages
            case 1 -> 1 + random.nextInt(10_000); // many messages
            default -> 1 + random.nextLong(64L << 20); // bytes
        };
        long burst = random.nextBoolean() ? units : 1 + random.nextLong(2 * units);
        return new Bucket.Rate(units, period, burst);
    }

    /** Anywhere: nanoTime's origin is arbitrary, and it may wrap. */
    static long randomOrigin(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong();
            case 1 -> Long.MAX_VALUE - random.nextLong(TimeUnit.HOURS.toNanos(1));
            case 2 -> Long.MIN_VALUE + random.nextLong(TimeUnit.HOURS.toNanos(1));
            default -> 0;
        };
    }

    /** Mostly bursts of takes at the same instant or close together, sometimes a long pause. */
    private static long randomGap(Random random, Bucket.Rate rate) {
        long interval = Math.max(1, rate.periodNanos() / rate.units());
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextLong(interval);
            case 2 -> random.nextLong(4 * interval);
            case 3 -> 1 + random.nextInt(3);
            default -> random.nextLong(rate.periodNanos() * 2);
        };
    }
}
