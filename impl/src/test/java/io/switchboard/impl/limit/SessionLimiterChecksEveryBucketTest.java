package io.switchboard.impl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RateLimit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A session's limiter on a fake clock: each of its own, its principal's and its address's buckets can refuse a
 * message, a refusal names the limit that refused, a message token is taken only when a message starts, an
 * unknown size takes no bytes, and buckets shared by sessions of one principal are drained by all of them.
 */
class SessionLimiterChecksEveryBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long T0 = -3 * SECOND; // nanoTime may be negative

    private static RateLimitSettings messages(RateLimit.Scope scope, long perSecond) {
        return RateLimitSettings.of(scope, perSecond, 0, 0, 0, SECOND, RateLimit.Policy.DROP);
    }

    private static SessionLimiter own(RateLimitSettings settings) {
        return new SessionLimiter(settings, settings.newBuckets(T0), null, null, null, null);
    }

    @Test
    void theSessionsOwnBucketRefillsAtItsRate() {
        RateLimitSettings two = messages(RateLimit.Scope.SESSION, 2);
        SessionLimiter limiter = own(two);
        assertThat(limiter.admit(true, 10, T0)).isNull();
        assertThat(limiter.admit(true, 10, T0)).isNull();
        assertThat(limiter.admit(true, 10, T0)).isSameAs(two);
        assertThat(limiter.admit(true, 10, T0 + SECOND / 2 - 1)).isSameAs(two);
        assertThat(limiter.admit(true, 10, T0 + SECOND / 2)).isNull();
    }

    @Test
    void theRestOfAMessageTakesNoMessageToken() {
        SessionLimiter limiter = own(messages(RateLimit.Scope.SESSION, 1));
        assertThat(limiter.admit(true, 10, T0)).isNull();
        for (int part = 0; part < 100; part++) {
            assertThat(limiter.admit(false, 10, T0)).as("part %d", part).isNull();
        }
    }

    @Test
    void bytesAreCountedWhenTheSizeIsKnown() {
        RateLimitSettings kib =
                RateLimitSettings.of(RateLimit.Scope.SESSION, 0, 0, 1024, 0, SECOND, RateLimit.Policy.CLOSE);
        SessionLimiter limiter = own(kib);
        assertThat(limiter.admit(true, 1000, T0)).isNull();
        assertThat(limiter.admit(true, -1, T0)).as("streamed, size unknown").isNull();
        assertThat(limiter.admit(false, 25, T0)).isSameAs(kib);
        assertThat(limiter.admit(false, 24, T0)).isNull();
        assertThat(limiter.admit(true, 1, T0)).isSameAs(kib);
        assertThat(limiter.admit(true, 1024, T0 + SECOND)).isNull();
    }

    @Test
    void sessionsOfOnePrincipalShareItsBucketAndTheRefusalNamesIt() {
        RateLimitSettings perSession = messages(RateLimit.Scope.SESSION, 10);
        RateLimitSettings perPrincipal = messages(RateLimit.Scope.PRINCIPAL, 3);
        RateLimitSettings.Buckets shared = perPrincipal.newBuckets(T0);
        SessionLimiter first =
                new SessionLimiter(perSession, perSession.newBuckets(T0), perPrincipal, shared, null, null);
        SessionLimiter second =
                new SessionLimiter(perSession, perSession.newBuckets(T0), perPrincipal, shared, null, null);
        assertThat(first.admit(true, 1, T0)).isNull();
        assertThat(second.admit(true, 1, T0)).isNull();
        assertThat(first.admit(true, 1, T0)).isNull();
        assertThat(second.admit(true, 1, T0)).isSameAs(perPrincipal);
        assertThat(first.admit(true, 1, T0)).isSameAs(perPrincipal);
    }

    @Test
    void anAddressBucketRefusesAfterTheOthersAdmit() {
        RateLimitSettings perPrincipal = messages(RateLimit.Scope.PRINCIPAL, 5);
        RateLimitSettings perAddress = messages(RateLimit.Scope.ADDRESS, 1);
        SessionLimiter limiter = new SessionLimiter(
                null, null, perPrincipal, perPrincipal.newBuckets(T0), perAddress, perAddress.newBuckets(T0));
        assertThat(limiter.admit(true, 1, T0)).isNull();
        assertThat(limiter.admit(true, 1, T0)).isSameAs(perAddress);
    }

    @Test
    void withoutLimitsEverythingIsAdmitted() {
        assertThat(SessionLimiter.NONE.admit(true, Long.MAX_VALUE)).isNull();
        assertThat(RateLimitSettings.of(RateLimit.Scope.SESSION, 0, 5, 0, 5, SECOND, RateLimit.Policy.DROP))
                .as("a burst without a rate is no limit")
                .isNull();
    }

    @Test
    void theBurstDefaultsToTheRateAndMayBeLarger() {
        RateLimitSettings settings =
                RateLimitSettings.of(RateLimit.Scope.SESSION, 2, 5, 100, 0, SECOND, RateLimit.Policy.DROP);
        assertThat(settings.messages()).isEqualTo(new Bucket.Rate(2, SECOND, 5));
        assertThat(settings.bytes()).isEqualTo(new Bucket.Rate(100, SECOND, 100));
        SessionLimiter limiter = own(settings);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.admit(true, 0, T0))
                    .as("message %d of the burst", i + 1)
                    .isNull();
        }
        assertThat(limiter.admit(true, 0, T0)).isSameAs(settings);
    }
}
