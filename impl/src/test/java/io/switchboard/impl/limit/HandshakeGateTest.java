package io.switchboard.impl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The answers the handshake filter gives, on a fake clock: 429 to an address handshaking too fast, with a
 * {@code Retry-After} rounded up to whole seconds; 503 to a full endpoint; 429 to a principal or address over its
 * share; and a pass when a limit does not apply (no principal, no address).
 */
class HandshakeGateTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long T0 = Long.MAX_VALUE - SECOND; // crosses the wrap of nanoTime
    private static final String ADDRESS = "192.0.2.7";

    private static EndpointLimits limits(int max, int perPrincipal, int perAddress, int handshakes, long period) {
        return new EndpointLimits(
                "chat", Map.of(), new ConnectionLimitSettings(max, perPrincipal, perAddress, handshakes, period));
    }

    @Test
    void anAddressHandshakingTooFastIsToldToWaitWholeSeconds() {
        EndpointLimits limits = limits(0, 0, 0, 2, 10 * SECOND);
        Tallies tallies = new Tallies();
        assertThat(HandshakeGate.check(limits, tallies, null, ADDRESS, T0).passes())
                .isTrue();
        assertThat(HandshakeGate.check(limits, tallies, null, ADDRESS, T0).passes())
                .isTrue();
        HandshakeGate.Verdict refused = HandshakeGate.check(limits, tallies, null, ADDRESS, T0 + 1);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfterSeconds())
                .as("5 s less a nanosecond, rounded up")
                .isEqualTo(5);
        assertThat(HandshakeGate.check(limits, tallies, null, ADDRESS, T0 + 5 * SECOND - 1)
                        .retryAfterSeconds())
                .as("a nanosecond left is still a second")
                .isEqualTo(1);
        assertThat(HandshakeGate.check(limits, tallies, null, ADDRESS, T0 + 5 * SECOND)
                        .passes())
                .isTrue();
        assertThat(HandshakeGate.check(limits, tallies, null, "198.51.100.1", T0 + 5 * SECOND)
                        .passes())
                .as("another address has its own bucket")
                .isTrue();
    }

    @Test
    void withoutAnAddressTheHandshakeRateDoesNotApply() {
        EndpointLimits limits = limits(0, 0, 0, 1, 10 * SECOND);
        Tallies tallies = new Tallies();
        for (int i = 0; i < 5; i++) {
            assertThat(HandshakeGate.check(limits, tallies, "alice", null, T0).passes())
                    .isTrue();
        }
    }

    @Test
    void aFullEndpointAnswers503() {
        EndpointLimits limits = limits(2, 0, 0, 0, SECOND);
        Tallies tallies = new Tallies();
        limits.open(tallies, "alice", ADDRESS);
        assertThat(HandshakeGate.check(limits, tallies, "bob", "198.51.100.1", T0)
                        .passes())
                .isTrue();
        limits.open(tallies, "bob", "198.51.100.1");
        HandshakeGate.Verdict full = HandshakeGate.check(limits, tallies, "carol", "203.0.113.9", T0);
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.retryAfterSeconds()).isPositive();
        limits.close(tallies, "alice", ADDRESS);
        assertThat(HandshakeGate.check(limits, tallies, "carol", "203.0.113.9", T0)
                        .passes())
                .isTrue();
    }

    @Test
    void aPrincipalOrAddressOverItsShareAnswers429() {
        EndpointLimits limits = limits(0, 1, 2, 0, SECOND);
        Tallies tallies = new Tallies();
        limits.open(tallies, "alice", ADDRESS);
        HandshakeGate.Verdict user = HandshakeGate.check(limits, tallies, "alice", "198.51.100.1", T0);
        assertThat(user.status()).isEqualTo(429);
        assertThat(user.reason()).contains("user");
        assertThat(HandshakeGate.check(limits, tallies, null, ADDRESS, T0).passes())
                .as("an anonymous peer from the same address: 1 of 2")
                .isTrue();
        limits.open(tallies, "bob", ADDRESS);
        HandshakeGate.Verdict address = HandshakeGate.check(limits, tallies, "carol", ADDRESS, T0);
        assertThat(address.status()).isEqualTo(429);
        assertThat(address.reason()).contains("address");
    }
}
