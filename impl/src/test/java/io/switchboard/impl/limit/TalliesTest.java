package io.switchboard.impl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RateLimit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The counts behind the connection limits and the shared rate buckets: a holder counted in is never lost, and an
 * entry is dropped only when nobody holds it and its buckets are full.
 */
class TalliesTest {

    private static final String ADDRESS = "192.0.2.7";
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void theLastPlaceGoesToOneOfTwoSessionsOpeningTogether() {
        EndpointLimits limits = new EndpointLimits("chat", Map.of(), new ConnectionLimitSettings(1, 0, 0, 0, SECOND));
        Tallies tallies = new Tallies();
        assertThat(limits.open(tallies, "alice", ADDRESS)).isTrue();
        assertThat(limits.open(tallies, "bob", ADDRESS)).isFalse();
        // The refused one still counts until it is closed, so the place stays taken in the meantime.
        assertThat(HandshakeGate.check(limits, tallies, "carol", ADDRESS).status())
                .isEqualTo(503);
        limits.close(tallies, "bob", ADDRESS);
        limits.close(tallies, "alice", ADDRESS);
        assertThat(tallies.count(limits.endpointKey())).isZero();
        assertThat(tallies.size()).isZero();
    }

    @Test
    void holdersOfAKeyShareTheBucketsCreatedForIt() {
        Tallies tallies = new Tallies();
        RateLimitSettings slow = RateLimitSettings.of(RateLimit.Scope.ADDRESS, 1, 0, 0, 0, HOUR, RateLimit.Policy.DROP);
        RateLimitSettings.Buckets first = tallies.acquireBuckets("rate|a", slow);
        RateLimitSettings.Buckets second = tallies.acquireBuckets("rate|a", slow);
        assertThat(second).isSameAs(first);
        assertThat(tallies.count("rate|a")).isEqualTo(2);
        assertThat(first.admit(true, 10, System.nanoTime())).isTrue();

        tallies.release("rate|a");
        tallies.release("rate|a");
        tallies.prune();
        // Nobody holds them, but they are not full: closing and reopening must not refill them.
        assertThat(tallies.size()).isEqualTo(1);
        RateLimitSettings.Buckets again = tallies.acquireBuckets("rate|a", slow);
        assertThat(again).isSameAs(first);
        assertThat(again.admit(true, 10, System.nanoTime())).isFalse();
        tallies.release("rate|a");
    }

    @Test
    void fullUnheldBucketsAreDroppedAndHeldOnesKept() {
        Tallies tallies = new Tallies();
        RateLimitSettings fast =
                RateLimitSettings.of(RateLimit.Scope.ADDRESS, 1000, 0, 0, 0, SECOND, RateLimit.Policy.DROP);
        tallies.acquireBuckets("rate|held", fast);
        tallies.acquireBuckets("rate|left", fast);
        tallies.release("rate|left");
        tallies.prune();
        assertThat(tallies.count("rate|held")).isEqualTo(1);
        assertThat(tallies.size()).isEqualTo(1);
        tallies.release("rate|held");
        assertThat(tallies.size()).isZero();
    }

    @Test
    void handshakeTokensAreTakenFromTheBucketThatStays() {
        Tallies tallies = new Tallies();
        Bucket.Rate twoPerHour = new Bucket.Rate(2, HOUR, 2);
        long now = System.nanoTime();
        assertThat(tallies.take("handshakes|a", twoPerHour, now)).isZero();
        tallies.prune();
        assertThat(tallies.take("handshakes|a", twoPerHour, now)).isZero();
        tallies.prune();
        assertThat(tallies.size()).isEqualTo(1);
        long wait = tallies.take("handshakes|a", twoPerHour, now);
        assertThat(wait).isPositive().isLessThanOrEqualTo(HOUR / 2);
    }

    @Test
    void releasingWhatIsNotHeldChangesNothing() {
        Tallies tallies = new Tallies();
        tallies.release("sessions|chat");
        assertThat(tallies.count("sessions|chat")).isZero();
        assertThat(tallies.size()).isZero();
    }
}
