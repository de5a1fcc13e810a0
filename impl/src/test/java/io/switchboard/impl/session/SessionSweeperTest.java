package io.switchboard.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the sweeper tells the liveness check, on its real thread. */
class SessionSweeperTest {

    @Test
    void itReportsNotStartedThenSweepsOnTimeThenStopped() throws InterruptedException {
        SessionSweeper sweeper = new SessionSweeper();
        assertThat(sweeper.sweeps().started()).isFalse();
        assertThat(sweeper.sweeps().alive()).isFalse();

        long before = System.nanoTime();
        sweeper.start(new SessionRegistry());
        try {
            SessionSweeper.Sweeps started = sweeper.sweeps();
            assertThat(started.started()).isTrue();
            assertThat(started.alive()).isTrue();
            assertThat(started.lastSweepEnded()).isGreaterThanOrEqualTo(before);
            // Each sweep (every 250 ms) moves the stamp on.
            long first = nextSweep(sweeper, started.lastSweepEnded());
            nextSweep(sweeper, first);
            assertThat(sweeper.sweeps().alive()).isTrue();
        } finally {
            sweeper.stop();
        }
        SessionSweeper.Sweeps stopped = sweeper.sweeps();
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.alive()).isFalse();
    }

    /** Waits up to five seconds for a sweep that ends after {@code after}; returns when it ended. */
    private static long nextSweep(SessionSweeper sweeper, long after) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            long ended = sweeper.sweeps().lastSweepEnded();
            if (ended - after > 0) {
                return ended;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no sweep ended within five seconds");
    }
}
