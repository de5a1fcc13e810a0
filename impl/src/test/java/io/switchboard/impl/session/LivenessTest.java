package io.switchboard.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.impl.config.LivenessSettings;
import io.switchboard.impl.session.Liveness.Verdict;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the sweeper decides, on a fake clock: the deadlines no endpoint code may hold off (send timeout, credentials,
 * close grace) and the checks that wait while a callback runs (idle, heartbeat, pings).
 */
class LivenessTest {

    private static final long OPENED = 1_000_000_000_000L; // nanoTime may be anything, even negative; not zero here
    private static final long OPENED_MILLIS = 1_700_000_000_000L;
    private static final long SEND_TIMEOUT = seconds(10);

    private static long seconds(long s) {
        return TimeUnit.SECONDS.toNanos(s);
    }

    private static Liveness liveness(LivenessSettings settings, long expiresInMillis) {
        return new Liveness(
                settings,
                SEND_TIMEOUT,
                OPENED,
                OPENED_MILLIS,
                expiresInMillis == 0 ? 0 : OPENED_MILLIS + expiresInMillis);
    }

    private static LivenessSettings heartbeatAndIdle() {
        return new LivenessSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), false);
    }

    @Test
    void expiredCredentialsCloseTheSessionWhileACallbackRuns() {
        Liveness liveness = liveness(heartbeatAndIdle(), 3_000);
        assertThat(liveness.check(OPENED + seconds(2), 0, true)).isEqualTo(Verdict.NONE);
        assertThat(liveness.check(OPENED + seconds(3), 0, true)).isEqualTo(Verdict.CREDENTIALS_EXPIRED);
        assertThat(liveness.check(OPENED + seconds(4), 0, true))
                .as("reported once")
                .isEqualTo(Verdict.NONE);
    }

    @Test
    void aWriteOverItsSendTimeoutClosesTheSessionWhileACallbackRuns() {
        Liveness liveness = liveness(heartbeatAndIdle(), 0);
        assertThat(liveness.check(OPENED + seconds(1), SEND_TIMEOUT, true)).isEqualTo(Verdict.NONE);
        assertThat(liveness.check(OPENED + seconds(1), SEND_TIMEOUT + 1, true)).isEqualTo(Verdict.SEND_TIMEOUT);
    }

    @Test
    void idleAndHeartbeatChecksAndPingsWaitForTheCallback() {
        Liveness liveness = liveness(heartbeatAndIdle(), 0);
        assertThat(liveness.check(OPENED + seconds(60), 0, true)).isEqualTo(Verdict.NONE);
        liveness.active(OPENED + seconds(60)); // the callback ended
        assertThat(liveness.check(OPENED + seconds(61), 0, false)).isEqualTo(Verdict.PING);
    }

    @Test
    void aQuietSessionOutsideCallbacksIsPingedThenTimedOut() {
        Liveness liveness = liveness(heartbeatAndIdle(), 0);
        assertThat(liveness.check(OPENED + seconds(1), 0, false)).isEqualTo(Verdict.PING);
        assertThat(liveness.check(OPENED + seconds(2), 0, false)).isEqualTo(Verdict.NONE);
        assertThat(liveness.check(OPENED + seconds(2) + 1, 0, false)).isEqualTo(Verdict.HEARTBEAT_TIMEOUT);
    }

    @Test
    void anIdleSessionOutsideCallbacksIsClosedThoughItAnswersPings() {
        LivenessSettings idleOnly = new LivenessSettings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), false);
        Liveness liveness = liveness(idleOnly, 0);
        liveness.pong(java.nio.ByteBuffer.allocate(0), OPENED + seconds(4));
        assertThat(liveness.check(OPENED + seconds(5), 0, false)).isEqualTo(Verdict.NONE);
        assertThat(liveness.check(OPENED + seconds(5) + 1, 0, false)).isEqualTo(Verdict.IDLE_TIMEOUT);
    }

    @Test
    void theCredentialsComeBeforeTheQuietDeadlines() {
        Liveness liveness = liveness(heartbeatAndIdle(), 3_000);
        assertThat(liveness.check(OPENED + seconds(30), 0, false)).isEqualTo(Verdict.CREDENTIALS_EXPIRED);
    }

    @Test
    void aCloseIsOverdueAfterTheGraceWhateverTheClockValue() {
        long requested = Long.MAX_VALUE - seconds(1); // nanoTime wraps: only differences count
        assertThat(Liveness.closeOverdue(requested + Liveness.CLOSE_GRACE_NANOS, requested))
                .isFalse();
        assertThat(Liveness.closeOverdue(requested + Liveness.CLOSE_GRACE_NANOS + 1, requested))
                .isTrue();
    }
}
