package io.switchboard.impl.limit;

import java.util.concurrent.TimeUnit;

/**
 * The connection limits as the handshake filter applies them, before the upgrade: a full endpoint is refused with
 * 503, a principal or address over its share or handshaking too fast with 429. Each answer carries a
 * {@code Retry-After}.
 */
public final class HandshakeGate {

    /** What to answer: {@code status} 0 lets the handshake through. */
    public record Verdict(int status, long retryAfterSeconds, String reason) {
        static final Verdict PASS = new Verdict(0, 0, null);

        /** Whether the handshake may proceed. */
        public boolean passes() {
            return status == 0;
        }
    }

    /** The seconds a client over a session-count limit is told to wait: sessions free up at no known time. */
    private static final long RETRY_WHEN_FULL = 5;

    private HandshakeGate() {}

    /**
     * Decides on one handshake.
     *
     * @param limits    the endpoint's limits
     * @param tallies   the deployment's counts and buckets
     * @param principal the request's principal name, or {@code null}
     * @param address   the peer's host, or {@code null}
     * @return the verdict
     */
    public static Verdict check(EndpointLimits limits, Tallies tallies, String principal, String address) {
        return check(limits, tallies, principal, address, System.nanoTime());
    }

    /** {@link #check(EndpointLimits, Tallies, String, String)} at a given {@link System#nanoTime()}: for tests. */
    static Verdict check(EndpointLimits limits, Tallies tallies, String principal, String address, long now) {
        ConnectionLimitSettings connections = limits.connections();
        if (connections.handshakesPerAddress() > 0 && address != null) {
            Bucket.Rate rate = new Bucket.Rate(
                    connections.handshakesPerAddress(),
                    connections.handshakePeriodNanos(),
                    connections.handshakesPerAddress());
            long wait = tallies.take("handshakes|" + limits.endpointId() + "|" + address, rate, now);
            if (wait > 0) {
                long seconds = TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1);
                return new Verdict(429, Math.max(1, seconds), "Too many handshakes from this address");
            }
        }
        if (connections.max() > 0 && tallies.count(limits.endpointKey()) >= connections.max()) {
            return new Verdict(503, RETRY_WHEN_FULL, "The endpoint is full");
        }
        if (connections.perPrincipal() > 0
                && principal != null
                && tallies.countShared(limits.principalKey(principal)) >= connections.perPrincipal()) {
            return new Verdict(429, RETRY_WHEN_FULL, "Too many sessions for this user");
        }
        if (connections.perAddress() > 0
                && address != null
                && tallies.count(limits.addressKey(address)) >= connections.perAddress()) {
            return new Verdict(429, RETRY_WHEN_FULL, "Too many sessions from this address");
        }
        return Verdict.PASS;
    }
}
