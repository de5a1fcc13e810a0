package io.switchboard.impl.metrics;

import io.switchboard.impl.security.HandshakeGuard;

import java.util.Locale;

/** The {@code reason} tag of refused handshakes. */
public enum Rejection {
    /** No or a bad token (401). */
    UNAUTHORIZED,
    /** A role not allowed, or {@code @DenyAll} (403). */
    FORBIDDEN,
    /** An origin not allowed (403). */
    ORIGIN,
    /** A connection limit (429, 503, or 1013 right after the upgrade). */
    LIMITS,
    /** The application is stopping (503). */
    SHUTDOWN;

    final String tag = name().toLowerCase(Locale.ROOT);

    /**
     * Why the handshake guard refused.
     *
     * @param decision a refusal
     * @return its reason
     */
    public static Rejection of(HandshakeGuard.Decision decision) {
        return decision.unauthorized() ? UNAUTHORIZED : decision.origin() ? ORIGIN : FORBIDDEN;
    }
}
