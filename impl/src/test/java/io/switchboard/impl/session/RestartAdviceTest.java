package io.switchboard.impl.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.RestartAdvice;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartAdviceTest {

    @Test
    void aDelayGoesOutAndComesBackInMilliseconds() {
        assertThat(RestartAdvice.reason(Duration.ofNanos(3_217_999_999L)))
                .isEqualTo("Service restart; reconnect in 3217 ms");
        assertThat(RestartAdvice.delay(1012, "Service restart; reconnect in 3217 ms"))
                .contains(Duration.ofMillis(3217));
        assertThat(RestartAdvice.delay(1012, RestartAdvice.reason(Duration.ZERO)))
                .contains(Duration.ZERO);
        assertThat(RestartAdvice.reason(Duration.ofDays(1))).isEqualTo("Service restart; reconnect in 3600000 ms");
    }

    @Test
    void onlyA1012WithExactlyThatReasonCarriesADelay() {
        String[] notAdvice = {
            null,
            "",
            "Service restart",
            "Server shutting down",
            "Service restart; reconnect in -5 ms",
            "Service restart; reconnect in 5 s",
            "Service restart; reconnect in 12345678 ms",
            "Service restart; reconnect in 3600001 ms",
            "service restart; reconnect in 5 ms",
            " Service restart; reconnect in 5 ms",
            "Service restart; reconnect in 5 ms ",
            "Service restart; reconnect in 5 ms; and more",
            "Service restart; reconnect in ５ ms",
            "Service restart; reconnect in 0x10 ms",
            "x".repeat(10_000),
        };
        for (String reason : notAdvice) {
            assertThat(RestartAdvice.delay(1012, reason)).as("%s", reason).isEmpty();
        }
        assertThat(RestartAdvice.delay(1001, "Service restart; reconnect in 5 ms"))
                .isEmpty();
        assertThat(RestartAdvice.delay(1013, "Service restart; reconnect in 5 ms"))
                .isEmpty();
    }

    @Test
    void aNegativeDelayIsABug() {
        assertThatThrownBy(() -> RestartAdvice.reason(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
