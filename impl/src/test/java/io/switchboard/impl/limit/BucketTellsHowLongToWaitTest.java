package io.switchboard.impl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Bucket#waitNanos}, the basis of a {@code Retry-After}: a take refused now succeeds exactly after the wait
 * it names, not a nanosecond earlier, and a wait of 0 means the take would succeed now. An untouched bucket is
 * full again once its tokens have come back.
 */
class BucketTellsHowLongToWaitTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aRefusedTakeSucceedsExactlyAfterTheWaitItWasTold() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < 2000; run++) {
            Bucket.Rate rate = BucketNeverExceedsItsRateTest.randomRate(random);
            long now = BucketNeverExceedsItsRateTest.randomOrigin(random);
            Bucket bucket = new Bucket(rate, now);
            Bucket twin = new Bucket(rate, now); // the same state, to probe without taking
            // Use up part or all of the burst, then look a little later.
            long used = 1 + random.nextLong(rate.burst());
            bucket.tryTake(used, now);
            twin.tryTake(used, now);
            now += random.nextLong(rate.periodNanos());
            long count = 1 + random.nextLong(rate.burst());
            long wait = bucket.waitNanos(count, now);
            String context = "seed " + seed + ", run " + run + ", " + rate + ", " + count + " at " + now;
            assertThat(wait).as(context).isNotNegative();
            if (wait > 0) {
                assertThat(twin.tryTake(count, now + wait - 1))
                        .as("a nanosecond early; %s", context)
                        .isFalse();
            }
            assertThat(bucket.tryTake(count, now + wait))
                    .as("after the wait; %s", context)
                    .isTrue();
        }
    }

    @Test
    void waitsForTheTokensThatComeBackAtTheRate() {
        long now = Long.MAX_VALUE - SECOND / 2; // crosses the wrap of nanoTime
        Bucket bucket = new Bucket(new Bucket.Rate(2, SECOND, 2), now);
        assertThat(bucket.tryTake(2, now)).isTrue();
        assertThat(bucket.waitNanos(1, now)).isEqualTo(SECOND / 2);
        assertThat(bucket.waitNanos(2, now)).isEqualTo(SECOND);
        assertThat(bucket.tryTake(1, now + SECOND / 2 - 1)).isFalse();
        assertThat(bucket.tryTake(1, now + SECOND / 2)).isTrue();
    }

    @Test
    void aBucketIsFullOnceItsTokensHaveComeBackWhateverTheClockValue() {
        for (long start : new long[] {0, -5 * SECOND, Long.MAX_VALUE - SECOND / 2, Long.MIN_VALUE}) {
            Bucket bucket = new Bucket(new Bucket.Rate(10, SECOND, 10), start);
            assertThat(bucket.isFull(start)).as("untouched, from %d", start).isTrue();
            assertThat(bucket.tryTake(5, start)).isTrue();
            assertThat(bucket.isFull(start + SECOND / 2 - 1))
                    .as("half a second later, from %d", start)
                    .isFalse();
            assertThat(bucket.isFull(start + SECOND / 2))
                    .as("refilled, from %d", start)
                    .isTrue();
            assertThat(bucket.isFull(start + 3600 * SECOND))
                    .as("an hour later, from %d", start)
                    .isTrue();
        }
    }

    @Test
    void aLongPauseRefillsTheBurstAndNoMore() {
        long now = -7;
        Bucket bucket = new Bucket(new Bucket.Rate(3, SECOND, 3), now);
        now += TimeUnit.HOURS.toNanos(5);
        assertThat(bucket.tryTake(3, now)).isTrue();
        assertThat(bucket.tryTake(1, now)).isFalse();
    }
}
