package io.switchboard.impl.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.impl.health.SweeperVerdict.State;
import io.switchboard.impl.session.SessionSweeper.Sweeps;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Liveness from the sweeper's state, with a clock of given numbers (nanoseconds). */
class SweeperVerdictTest {

    private static final Duration STALL = Duration.ofSeconds(10);
    private static final long SECOND = 1_000_000_000L;
    /** Any origin: nanoTime may be negative. */
    private static final long T0 = -5 * SECOND;

    @Test
    void beforeTheFirstSessionTheSweeperIsIdleAndLivenessUp() {
        SweeperVerdict verdict = SweeperVerdict.of(new Sweeps(false, false, false, 0), T0, STALL);
        assertThat(verdict.state()).isEqualTo(State.IDLE);
        assertThat(verdict.up()).isTrue();
        assertThat(verdict.lastSweepAgeNanos()).isEqualTo(-1);
        assertThat(verdict.reason()).isNull();
    }

    @Test
    void aSweepEndedWithinTheThresholdIsRunning() {
        Sweeps sweeps = new Sweeps(true, false, true, T0);
        for (long age : new long[] {0, SECOND / 4, 10 * SECOND}) {
            SweeperVerdict verdict = SweeperVerdict.of(sweeps, T0 + age, STALL);
            assertThat(verdict.state()).as("after %d ns", age).isEqualTo(State.RUNNING);
            assertThat(verdict.up()).isTrue();
            assertThat(verdict.lastSweepAgeNanos()).isEqualTo(age);
        }
    }

    @Test
    void noSweepForLongerThanTheThresholdIsAStall() {
        SweeperVerdict verdict = SweeperVerdict.of(new Sweeps(true, false, true, T0), T0 + 10 * SECOND + 1, STALL);
        assertThat(verdict.state()).isEqualTo(State.STALLED);
        assertThat(verdict.up()).isFalse();
        assertThat(verdict.reason())
                .contains("has not finished a sweep for 10000 ms")
                .contains("switchboard.health.liveness.sweep-stall is 10000 ms");
    }

    @Test
    void aShorterThresholdCatchesAShorterStall() {
        Sweeps sweeps = new Sweeps(true, false, true, T0);
        assertThat(SweeperVerdict.of(sweeps, T0 + 2 * SECOND, Duration.ofSeconds(1))
                        .state())
                .isEqualTo(State.STALLED);
        assertThat(SweeperVerdict.of(sweeps, T0 + 2 * SECOND, STALL).state()).isEqualTo(State.RUNNING);
    }

    @Test
    void aSweeperWhoseTaskOrThreadIsGoneIsDeadEvenRightAfterASweep() {
        SweeperVerdict verdict = SweeperVerdict.of(new Sweeps(true, false, false, T0), T0 + 1, STALL);
        assertThat(verdict.state()).isEqualTo(State.DEAD);
        assertThat(verdict.up()).isFalse();
        assertThat(verdict.reason()).contains("thread has died");
    }

    @Test
    void aSweeperTheApplicationStoppedKeepsLivenessUp() {
        assertThat(SweeperVerdict.of(new Sweeps(true, true, false, T0), T0 + 60 * SECOND, STALL))
                .satisfies(v -> {
                    assertThat(v.state()).isEqualTo(State.STOPPED);
                    assertThat(v.up()).isTrue();
                    assertThat(v.lastSweepAgeNanos()).isEqualTo(60 * SECOND);
                });
        assertThat(SweeperVerdict.of(new Sweeps(false, true, false, 0), T0, STALL)
                        .state())
                .isEqualTo(State.STOPPED);
    }
}
