package io.switchboard.impl.limit;

/**
 * An endpoint's {@link io.switchboard.ConnectionLimits}; 0 means no limit.
 *
 * @param max                  the most open sessions
 * @param perPrincipal         the most open sessions of one principal
 * @param perAddress           the most open sessions from one remote address
 * @param handshakesPerAddress the most handshakes from one remote address per period
 * @param handshakePeriodNanos that period
 */
public record ConnectionLimitSettings(int max, int perPrincipal, int perAddress, int handshakesPerAddress,
                                      long handshakePeriodNanos) {

    /** No limits. */
    public static final ConnectionLimitSettings NONE = new ConnectionLimitSettings(0, 0, 0, 0, 1_000_000_000L);

    /** Whether any limit is set. */
    public boolean any() {
        return max > 0 || perPrincipal > 0 || perAddress > 0 || handshakesPerAddress > 0;
    }
}
