package io.switchboard.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeFailureTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2015, 10, 21, 7, 27, 0, 0, ZoneOffset.UTC);

    /** Shaped like Tyrus's HandshakeException. */
    public static class StatusException extends Exception {
        private final int status;

        public StatusException(String message, int status) {
            super(message);
            this.status = status;
        }

        public int getHttpStatusCode() {
            return status;
        }
    }

    /** Shaped like Tyrus's RetryAfterException: a status and a delay in seconds, maybe {@code null}. */
    public static class RetryAfterException extends StatusException {
        private final Long delay;

        public RetryAfterException(String message, Long delay) {
            super(message, 503);
            this.delay = delay;
        }

        public Long getDelay() {
            return delay;
        }
    }

    /** Has a getter of that name that takes an argument and one that throws. */
    public static class OddException extends Exception {
        public int getHttpStatusCode(int ignored) {
            return 401;
        }

        public Long getDelay() {
            throw new IllegalStateException("no delay");
        }
    }

    private static Map<String, List<String>> header(String name, String... values) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("text/plain"));
        headers.put(name, List.of(values));
        return headers;
    }

    // Retry-After

    @Test
    void retryAfterInSeconds() {
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", "120"), NOW))
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", " 7 "), NOW))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", "0"), NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterIsCappedAtADay() {
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", "100000"), NOW))
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void retryAfterAsAFutureDate() {
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), NOW))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retryAfterAsAFutureDateSeenFromAnotherZone() {
        ZonedDateTime sameInstant = NOW.withZoneSameInstant(ZoneOffset.ofHours(9));
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT"), sameInstant))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void retryAfterAsAPastDateIsZero() {
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", "Wed, 21 Oct 2015 07:00:00 GMT"), NOW))
                .isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "soon",
                "",
                "1.5",
                "12s",
                "2015-10-21T07:28:00Z",
                "Wed, 32 Oct 2015 07:28:00 GMT",
                "99999999999999999999"
            })
    void garbageIsNull(String value) {
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", value), NOW))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-120"})
    void negativeIsNull(String value) {
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", value), NOW))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Retry-After", "retry-after", "RETRY-AFTER", "rEtRy-AfTeR"})
    void headerNameIsCaseInsensitive(String name) {
        assertThat(HandshakeFailure.retryAfter(header(name, "5"), NOW)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void absentOrEmptyIsNull() {
        assertThat(HandshakeFailure.retryAfter(Map.of(), NOW)).isNull();
        assertThat(HandshakeFailure.retryAfter(header("Retry-After"), NOW)).isNull();
        assertThat(HandshakeFailure.retryAfter(header("X-Retry-After", "5"), NOW))
                .isNull();
    }

    @Test
    void aNullHeaderNameIsSkipped() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(null, List.of("HTTP/1.1 503 Service Unavailable")); // HttpURLConnection's status line
        headers.put("Retry-After", List.of("3"));
        assertThat(HandshakeFailure.retryAfter(headers, NOW)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theFirstValueCounts() {
        assertThat(HandshakeFailure.retryAfter(header("Retry-After", "4", "9"), NOW))
                .isEqualTo(Duration.ofSeconds(4));
    }

    // Status

    @Test
    void statusFromAGetter() {
        HandshakeFailure failure = HandshakeFailure.of(new StatusException("Handshake error.", 429), Map.of(), NOW);
        assertThat(failure).isEqualTo(new HandshakeFailure(429, null));
    }

    @Test
    void statusFromAGetterOfACause() {
        Exception wrapped = new IOException("connect failed", new StatusException("Handshake error.", 403));
        assertThat(HandshakeFailure.of(wrapped, Map.of(), NOW).status()).isEqualTo(403);
    }

    @Test
    void statusBelow100FromAGetterIsIgnored() {
        assertThat(HandshakeFailure.of(new StatusException("no response", 0), Map.of(), NOW)
                        .status())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Invalid response code 429",
                "Handshake failed: Invalid response code 429 from ws://localhost:8080/feed",
                "UT003025: Handshake failed, status 429",
                "UT002012: status code: 429",
                "Unexpected status code 429"
            })
    void statusFromAMessage(String message) {
        assertThat(HandshakeFailure.of(new IOException(message), Map.of(), NOW).status())
                .isEqualTo(429);
    }

    @Test
    void undertowStatusInTheCausesMessage() {
        Exception wrapped = new RuntimeException("deployment failed", new IOException("UT003025: status 503"));
        assertThat(HandshakeFailure.of(wrapped, Map.of(), NOW).status()).isEqualTo(503);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Connection refused",
                "Connect timed out after 10000 ms",
                "closed with code 1006",
                "status 600",
                "Invalid response code 4290",
                "connect to localhost:8080 failed"
            })
    void noStatusInOtherMessages(String message) {
        assertThat(HandshakeFailure.of(new IOException(message), Map.of(), NOW).status())
                .isZero();
    }

    @Test
    void noStatusForANullMessage() {
        assertThat(HandshakeFailure.of(new ConnectException(), Map.of(), NOW)).isEqualTo(new HandshakeFailure(0, null));
    }

    @Test
    void getterWinsOverMessage() {
        HandshakeFailure failure =
                HandshakeFailure.of(new StatusException("Invalid response code 500", 401), Map.of(), NOW);
        assertThat(failure.status()).isEqualTo(401);
    }

    @Test
    void oddGettersAreIgnored() {
        assertThat(HandshakeFailure.of(new OddException(), Map.of(), NOW)).isEqualTo(new HandshakeFailure(0, null));
    }

    // Delay from the exception

    @Test
    void delayFromAGetterInSeconds() {
        HandshakeFailure failure = HandshakeFailure.of(new RetryAfterException("Retry after", 42L), Map.of(), NOW);
        assertThat(failure).isEqualTo(new HandshakeFailure(503, Duration.ofSeconds(42)));
    }

    @Test
    void nullOrNegativeDelayIsNull() {
        assertThat(HandshakeFailure.of(new RetryAfterException("x", null), Map.of(), NOW)
                        .retryAfter())
                .isNull();
        assertThat(HandshakeFailure.of(new RetryAfterException("x", -3L), Map.of(), NOW)
                        .retryAfter())
                .isNull();
    }

    @Test
    void theHeaderWinsOverTheGetter() {
        HandshakeFailure failure =
                HandshakeFailure.of(new RetryAfterException("x", 42L), header("retry-after", "9"), NOW);
        assertThat(failure).isEqualTo(new HandshakeFailure(503, Duration.ofSeconds(9)));
    }

    @Test
    void statusFromTheExceptionAndRetryAfterFromTheHeaders() {
        HandshakeFailure failure =
                HandshakeFailure.of(new IOException("Invalid response code 429"), header("Retry-After", "30"), NOW);
        assertThat(failure).isEqualTo(new HandshakeFailure(429, Duration.ofSeconds(30)));
    }

    @Test
    void aCauseCycleEnds() {
        Exception inner = new IOException("inner");
        Exception outer = new IOException("outer", inner);
        inner.initCause(outer); // a cycle of two: Throwable only refuses a cause of itself
        HandshakeFailure failure =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> HandshakeFailure.of(outer, Map.of(), NOW));
        assertThat(failure).isEqualTo(new HandshakeFailure(0, null));
    }
}
