package io.switchboard.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.runtime.LinkWatch.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clock is plain longs. Each test runs from several origins, negative ones included: {@link System#nanoTime()}
 * has an arbitrary origin and may be negative.
 */
class LinkWatchTest {

    private static final long INTERVAL = 30_000;
    private static final long PONG_TIMEOUT = 10_000;
    private static final long SEND_TIMEOUT = 5_000;

    private static LinkWatch watch(long t0) {
        return new LinkWatch(INTERVAL, PONG_TIMEOUT, SEND_TIMEOUT, t0);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1_000_000, -1, -1_000_000_000L, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2})
    void pingIsDueAfterTheInterval(long t0) {
        LinkWatch watch = watch(t0);
        assertThat(watch.verdict(t0)).isEqualTo(Verdict.FINE);
        assertThat(watch.verdict(t0 + INTERVAL - 1)).isEqualTo(Verdict.FINE);
        assertThat(watch.verdict(t0 + INTERVAL)).isEqualTo(Verdict.PING);
        watch.pinged(t0 + INTERVAL);
        assertThat(watch.verdict(t0 + INTERVAL)).isEqualTo(Verdict.FINE);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1_000_000, -1, -1_000_000_000L, Long.MIN_VALUE / 2})
    void noPongAfterTheTimeout(long t0) {
        LinkWatch watch = watch(t0);
        long pingAt = t0 + INTERVAL;
        watch.pinged(pingAt);
        assertThat(watch.verdict(pingAt + PONG_TIMEOUT)).isEqualTo(Verdict.FINE);
        assertThat(watch.verdict(pingAt + PONG_TIMEOUT + 1)).isEqualTo(Verdict.NO_PONG);
        // An overdue pong is not hidden by the next ping falling due.
        assertThat(watch.verdict(pingAt + INTERVAL + PONG_TIMEOUT)).isEqualTo(Verdict.NO_PONG);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1_000_000, -1, -1_000_000_000L, Long.MIN_VALUE / 2})
    void pongReturnsTheRoundTripAndClears(long t0) {
        LinkWatch watch = watch(t0);
        long pingAt = t0 + INTERVAL;
        watch.pinged(pingAt);
        assertThat(watch.ponged(pingAt + 1_234)).isEqualTo(1_234);
        assertThat(watch.verdict(pingAt + PONG_TIMEOUT + 1)).isEqualTo(Verdict.FINE);
        assertThat(watch.ponged(pingAt + 2_000)).isEqualTo(-1); // a second pong is unsolicited
        // The next ping is due an interval after the last one.
        assertThat(watch.verdict(pingAt + INTERVAL - 1)).isEqualTo(Verdict.FINE);
        assertThat(watch.verdict(pingAt + INTERVAL)).isEqualTo(Verdict.PING);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -1_000_000_000L})
    void pongInTheSameTickIsZero(long t0) {
        LinkWatch watch = watch(t0);
        watch.pinged(t0);
        assertThat(watch.ponged(t0)).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1_000_000, -1_000_000_000L})
    void unsolicitedPongIsMinusOne(long t0) {
        LinkWatch watch = watch(t0);
        assertThat(watch.ponged(t0 + 5)).isEqualTo(-1);
        assertThat(watch.verdict(t0 + 5)).isEqualTo(Verdict.FINE);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1_000_000, -1, -1_000_000_000L, Long.MIN_VALUE / 2})
    void writeStuckAfterTheSendTimeout(long t0) {
        LinkWatch watch = watch(t0);
        watch.writeStarted(t0 + 100);
        assertThat(watch.verdict(t0 + 100 + SEND_TIMEOUT)).isEqualTo(Verdict.FINE);
        assertThat(watch.verdict(t0 + 100 + SEND_TIMEOUT + 1)).isEqualTo(Verdict.WRITE_STUCK);
        // A stuck write wins over a due ping or an overdue pong.
        watch.pinged(t0 + 200);
        assertThat(watch.verdict(t0 + 200 + PONG_TIMEOUT + 1)).isEqualTo(Verdict.WRITE_STUCK);
        watch.writeEnded();
        assertThat(watch.verdict(t0 + 200 + PONG_TIMEOUT + 1)).isEqualTo(Verdict.NO_PONG);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1_000_000_000L})
    void aWriteThatEndsInTimeIsFine(long t0) {
        LinkWatch watch = watch(t0);
        watch.writeStarted(t0);
        watch.writeEnded();
        assertThat(watch.verdict(t0 + SEND_TIMEOUT * 3)).isEqualTo(Verdict.FINE);
        watch.writeStarted(t0 + SEND_TIMEOUT * 3);
        assertThat(watch.verdict(t0 + SEND_TIMEOUT * 4)).isEqualTo(Verdict.FINE);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1_000_000_000L, Long.MAX_VALUE / 2})
    void intervalZeroNeverPings(long t0) {
        LinkWatch watch = new LinkWatch(0, PONG_TIMEOUT, SEND_TIMEOUT, t0);
        for (long t = t0; t < t0 + 10 * INTERVAL; t += INTERVAL / 3) {
            assertThat(watch.verdict(t)).isEqualTo(Verdict.FINE);
        }
        assertThat(watch.verdict(t0 + Long.MAX_VALUE / 4)).isEqualTo(Verdict.FINE);
        // Sends are still watched.
        watch.writeStarted(t0);
        assertThat(watch.verdict(t0 + SEND_TIMEOUT + 1)).isEqualTo(Verdict.WRITE_STUCK);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1_000_000_000L, Long.MAX_VALUE / 2})
    void aRefusedPingIsTriedAgainAtTheNextTickAndAwaitsNoPong(long t0) {
        LinkWatch watch = watch(t0);
        watch.pinged(t0 + INTERVAL);
        watch.pingRefused();
        assertThat(watch.verdict(t0 + INTERVAL + 1)).isEqualTo(Verdict.PING);
        assertThat(watch.verdict(t0 + INTERVAL + PONG_TIMEOUT + 1)).isEqualTo(Verdict.PING);
        assertThat(watch.ponged(t0 + INTERVAL + 2)).isEqualTo(-1);
    }
}
