package io.switchboard.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RestartAdvice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectSpreadTest {

    @Test
    void everySessionGetsADelayInASlotOfItsOwnSoThatEachSecondOfTheWindowGetsItsShare() {
        Random random = new Random(42);
        ReconnectSpread spread = new ReconnectSpread(Duration.ofSeconds(10), 1_000, random::nextDouble);
        int[] perSecond = new int[10];
        List<Long> delays = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            long millis = delayOf(spread.nextReason());
            delays.add(millis);
            perSecond[(int) (millis / 1000)]++;
        }
        assertThat(perSecond).containsOnly(100);
        assertThat(delays).isSorted().allSatisfy(d -> assertThat(d).isBetween(0L, 9_999L));
    }

    @Test
    void theSlotsHoldWhateverTheRandomSource() {
        for (double value : new double[] {0.0, 0.999999}) {
            ReconnectSpread spread = new ReconnectSpread(Duration.ofSeconds(4), 4, () -> value);
            List<Long> delays = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                delays.add(delayOf(spread.nextReason()));
            }
            assertThat(delays)
                    .containsExactly(
                            value == 0.0
                                    ? new Long[] {0L, 1000L, 2000L, 3000L}
                                    : new Long[] {999L, 1999L, 2999L, 3999L});
        }
    }

    @Test
    void sessionsBeyondTheCountGetAnyMomentOfTheWindow() {
        ReconnectSpread spread = new ReconnectSpread(Duration.ofSeconds(10), 1, () -> 0.5);
        assertThat(delayOf(spread.nextReason())).isEqualTo(5_000);
        assertThat(delayOf(spread.nextReason())).isEqualTo(5_000);
    }

    @Test
    void aWindowOfZeroTellsNoDelay() {
        ReconnectSpread spread = new ReconnectSpread(Duration.ZERO, 10, () -> 0.5);
        assertThat(spread.nextReason()).isEqualTo("Service restart");
        assertThat(RestartAdvice.delay(1012, spread.nextReason())).isEmpty();
    }

    @Test
    void noSessionsAtAllStillGivesAReason() {
        ReconnectSpread spread = new ReconnectSpread(Duration.ofSeconds(1), 0, () -> 0.25);
        assertThat(delayOf(spread.nextReason())).isEqualTo(250);
    }

    private static long delayOf(String reason) {
        return RestartAdvice.delay(1012, reason).orElseThrow().toMillis();
    }
}
