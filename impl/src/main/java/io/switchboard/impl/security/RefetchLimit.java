package io.switchboard.impl.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;

/**
 * Lets a remote key set be fetched at most once per interval, whatever asks: a token naming an unknown {@code kid},
 * the cache expiring, or Nimbus refreshing ahead. Nimbus's own {@code RateLimitedJWKSetSource} allows two fetches per
 * period (one kept for a rotation), so a client sending made-up {@code kid}s could still double the identity
 * provider's traffic; this allows one. Inside the interval it answers with the set fetched last, so the cache keeps
 * its keys and a token with an unknown {@code kid} is refused as such, not as an outage.
 */
final class RefetchLimit<C extends SecurityContext> extends JWKSetSourceWrapper<C> {

    private final long intervalNanos;
    /** When the last fetch started ({@link System#nanoTime()}); guarded by this. */
    private long lastFetch;
    /** Whether any fetch started yet; guarded by this. */
    private boolean fetched;
    /** The set the last successful fetch returned, or {@code null}; guarded by this. */
    private JWKSet last;

    RefetchLimit(JWKSetSource<C> source, Duration interval) {
        super(source);
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, C context)
            throws KeySourceException {
        // Our own clock, not the caller's wall-clock time: a clock step must not open the gate early.
        long now = System.nanoTime();
        synchronized (this) {
            if (fetched && now - lastFetch < intervalNanos) {
                if (last == null) {
                    throw new RateLimitReachedException();
                }
                return last;
            }
            fetched = true;
            lastFetch = now;
        }
        JWKSet set = getSource().getJWKSet(refreshEvaluator, currentTime, context);
        synchronized (this) {
            last = set;
        }
        return set;
    }
}
