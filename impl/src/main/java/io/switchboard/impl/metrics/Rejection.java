package io.switchboard.impl.metrics;

import java.util.Locale;

/**
 * The {@code reason} tag of refused handshakes. Which refusal is which is decided where the refusal is made
 * ({@code impl.handshake.Admission}), so that metrics depend on no feature they count.
 */
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
}
