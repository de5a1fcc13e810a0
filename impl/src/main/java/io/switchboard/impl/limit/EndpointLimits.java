package io.switchboard.impl.limit;

import io.switchboard.RateLimit;
import java.util.Map;

/**
 * An endpoint's rate and connection limits, and the per-session side of them: counting its sessions in and out, and
 * giving each its {@link SessionLimiter}.
 *
 * @param endpointId  the endpoint id
 * @param rates       the rate limits by scope (only those configured)
 * @param connections the connection limits
 */
public record EndpointLimits(
        String endpointId, Map<RateLimit.Scope, RateLimitSettings> rates, ConnectionLimitSettings connections) {

    /**
     * Counts an opening session in and checks the connection limits against the counts that include it (two
     * handshakes can pass the gate for the last place; the second is closed here).
     *
     * @param tallies   the deployment's tallies
     * @param principal the session's principal name, or {@code null}
     * @param address   the session's remote host, or {@code null}
     * @return whether the session is within every limit
     */
    public boolean open(Tallies tallies, String principal, String address) {
        boolean within = within(tallies.acquire(endpointKey()), connections.max());
        if (principal != null) {
            within &= within(tallies.acquireShared(principalKey(principal)), connections.perPrincipal());
        }
        if (address != null) {
            within &= within(tallies.acquire(addressKey(address)), connections.perAddress());
        }
        return within;
    }

    /**
     * Counts a session out; once per {@link #open}.
     *
     * @param tallies   the deployment's tallies
     * @param principal as given to {@link #open}
     * @param address   as given to {@link #open}
     */
    public void close(Tallies tallies, String principal, String address) {
        tallies.release(endpointKey());
        if (principal != null) {
            tallies.releaseShared(principalKey(principal));
        }
        if (address != null) {
            tallies.release(addressKey(address));
        }
        if (principal != null && rates.containsKey(RateLimit.Scope.PRINCIPAL)) {
            tallies.release(rateKey("principal", principal));
        }
        if (address != null && rates.containsKey(RateLimit.Scope.ADDRESS)) {
            tallies.release(rateKey("address", address));
        }
    }

    /**
     * The rate limiter of a session; holds the shared buckets until {@link #close}. Call once, after {@link #open}.
     *
     * @param tallies   where shared buckets live
     * @param principal the session's principal name, or {@code null}
     * @param address   the session's remote host, or {@code null}
     * @return its limiter
     */
    public SessionLimiter limiter(Tallies tallies, String principal, String address) {
        if (rates.isEmpty()) {
            return SessionLimiter.NONE;
        }
        RateLimitSettings own = rates.get(RateLimit.Scope.SESSION);
        RateLimitSettings byPrincipal = principal == null ? null : rates.get(RateLimit.Scope.PRINCIPAL);
        RateLimitSettings byAddress = address == null ? null : rates.get(RateLimit.Scope.ADDRESS);
        return new SessionLimiter(
                own,
                own == null ? null : own.newBuckets(System.nanoTime()),
                byPrincipal,
                byPrincipal == null ? null : shared(tallies, rateKey("principal", principal), byPrincipal),
                byAddress,
                byAddress == null ? null : shared(tallies, rateKey("address", address), byAddress));
    }

    private static RateLimitSettings.Buckets shared(Tallies tallies, String key, RateLimitSettings settings) {
        return tallies.acquireBuckets(key, settings);
    }

    private String rateKey(String scope, String holder) {
        return "rate|" + endpointId + "|" + scope + "|" + holder;
    }

    private static boolean within(int count, int limit) {
        return limit <= 0 || count <= limit;
    }

    String endpointKey() {
        return "sessions|" + endpointId;
    }

    String principalKey(String principal) {
        return "sessions|" + endpointId + PRINCIPAL + principal;
    }

    private static final String PRINCIPAL = "|principal|";

    /** Whether a key counts a principal's sessions: the counts a cluster may share. */
    static boolean isPrincipalKey(String key) {
        return key.startsWith("sessions|") && key.contains(PRINCIPAL);
    }

    String addressKey(String address) {
        return "sessions|" + endpointId + "|address|" + address;
    }
}
