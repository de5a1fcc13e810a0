package io.switchboard.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.ClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

    /** The largest double below 1, {@code Math.nextDown(1.0)}, as a constant for the annotations. */
    private static final double ALMOST_ONE = 0.9999999999999999;

    private static Backoff backoff(long initialMs, long maxMs, double multiplier, boolean jitter, DoubleSupplier r) {
        ClientOptions options = ClientOptions.builder("b", URI.create("ws://localhost/x"))
                .backoff(Duration.ofMillis(initialMs), Duration.ofMillis(maxMs), multiplier)
                .fullJitter(jitter)
                .build();
        return new Backoff(options, r);
    }

    @Test
    void ceilingsGrowByTheMultiplierAndCapAtMax() {
        Backoff backoff = backoff(500, 30_000, 2.0, true, () -> 0.5);
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(2_000));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofMillis(16_000));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofMillis(30_000));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofMillis(30_000));
        assertThat(backoff.max()).isEqualTo(Duration.ofMillis(30_000));
    }

    @Test
    void nonIntegerMultiplierAndNegativeStep() {
        Backoff backoff = backoff(1_000, 10_000, 1.5, false, () -> 0.5);
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(1_500));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(2_250));
        assertThat(backoff.ceiling(-3)).isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void multiplierOneKeepsTheInitialCeiling() {
        Backoff backoff = backoff(700, 10_000, 1.0, false, () -> 0.5);
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(700));
        assertThat(backoff.ceiling(1_000_000)).isEqualTo(Duration.ofMillis(700));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.5, 0.999_999_999, ALMOST_ONE})
    void fullJitterStaysWithinTheCeiling(double r) {
        Backoff backoff = backoff(500, 30_000, 2.0, true, () -> r);
        for (int step = 0; step < 12; step++) {
            Duration ceiling = backoff.ceiling(step);
            Duration delay = backoff.delay(step);
            assertThat(delay).isBetween(Duration.ZERO, ceiling);
            assertThat(delay.toNanos()).isEqualTo((long) (ceiling.toNanos() * r));
        }
    }

    @Test
    void fullJitterEndpoints() {
        assertThat(backoff(500, 30_000, 2.0, true, () -> 0.0).delay(3)).isEqualTo(Duration.ZERO);
        assertThat(backoff(500, 30_000, 2.0, true, () -> 0.5).delay(1)).isEqualTo(Duration.ofMillis(500));
        Duration nearTop = backoff(500, 30_000, 2.0, true, () -> ALMOST_ONE).delay(20);
        assertThat(nearTop).isLessThanOrEqualTo(Duration.ofSeconds(30)).isGreaterThan(Duration.ofMillis(29_999));
    }

    @Test
    void almostOneIsTheLargestDoubleBelowOne() {
        assertThat(ALMOST_ONE).isEqualTo(Math.nextDown(1.0));
    }

    @Test
    void noJitterReturnsTheCeiling() {
        Backoff backoff = backoff(500, 30_000, 2.0, false, () -> {
            throw new AssertionError("no jitter must not draw a random number");
        });
        for (int step = 0; step < 10; step++) {
            assertThat(backoff.delay(step)).isEqualTo(backoff.ceiling(step));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64, 1_000, 100_000, Integer.MAX_VALUE})
    void hugeStepsDoNotOverflow(int step) {
        Backoff backoff = backoff(500, 30_000, 100.0, true, () -> ALMOST_ONE);
        assertThat(backoff.ceiling(step)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(step)).isBetween(Duration.ZERO, Duration.ofSeconds(30));
        Backoff plain = backoff(500, 30_000, 2.0, false, () -> 0.5);
        assertThat(plain.delay(step)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void hugeMaxDoesNotOverflow() {
        Backoff backoff = backoff(500, Duration.ofDays(36_500).toMillis(), 100.0, false, () -> 0.5);
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(36_500));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, ALMOST_ONE})
    void soonIsUnderInitial(double r) {
        Backoff jittered = backoff(500, 30_000, 2.0, true, () -> r);
        assertThat(jittered.soon()).isBetween(Duration.ZERO, Duration.ofMillis(500));
        Backoff plain = backoff(500, 30_000, 2.0, false, () -> r);
        assertThat(plain.soon()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void overloadedStepSkipsTheShortWaits() {
        Backoff backoff = backoff(500, 30_000, 2.0, false, () -> 0.5);
        assertThat(backoff.ceiling(Backoff.OVERLOADED_STEP)).isGreaterThan(backoff.ceiling(0));
    }
}
