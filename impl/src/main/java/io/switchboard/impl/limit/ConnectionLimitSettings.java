package io.switchboard.impl.limit;

import io.switchboard.ConnectionLimits;
import io.switchboard.impl.config.Annotated;
import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import java.time.Duration;

/**
 * An endpoint's {@link ConnectionLimits}; 0 means no limit. Read here beside the rate limits (see {@link #read}).
 *
 * @param max                  the most open sessions
 * @param perPrincipal         the most open sessions of one principal
 * @param perAddress           the most open sessions from one remote address
 * @param handshakesPerAddress the most handshakes from one remote address per period
 * @param handshakePeriodNanos that period
 */
public record ConnectionLimitSettings(
        int max, int perPrincipal, int perAddress, int handshakesPerAddress, long handshakePeriodNanos) {

    /** No limits. */
    public static final ConnectionLimitSettings NONE = new ConnectionLimitSettings(0, 0, 0, 0, 1_000_000_000L);

    /**
     * An endpoint's connection limits: {@code connections.max}, {@code .per-principal}, {@code .per-address},
     * {@code .handshakes-per-address} (counts, 0 for none) and {@code .handshake-period} (a positive duration),
     * endpoint key first, then the annotation, then the default key.
     *
     * @param endpoint the endpoint's settings
     * @param a        the endpoint's annotation, or {@code null}
     * @return the limits
     * @throws IllegalArgumentException if a value does not parse
     */
    public static ConnectionLimitSettings read(Settings.Endpoint endpoint, ConnectionLimits a) {
        long max = endpoint.key("connections.max")
                .as(Parsers.count())
                .or(a == null ? null : new Annotated("@ConnectionLimits(max)", String.valueOf(a.max())))
                .orDefault(0L);
        long perPrincipal = endpoint.key("connections.per-principal")
                .as(Parsers.count())
                .or(
                        a == null
                                ? null
                                : new Annotated("@ConnectionLimits(perPrincipal)", String.valueOf(a.perPrincipal())))
                .orDefault(0L);
        long perAddress = endpoint.key("connections.per-address")
                .as(Parsers.count())
                .or(a == null ? null : new Annotated("@ConnectionLimits(perAddress)", String.valueOf(a.perAddress())))
                .orDefault(0L);
        long handshakes = endpoint.key("connections.handshakes-per-address")
                .as(Parsers.count())
                .or(
                        a == null
                                ? null
                                : new Annotated(
                                        "@ConnectionLimits(handshakesPerAddress)",
                                        String.valueOf(a.handshakesPerAddress())))
                .orDefault(0L);
        Duration period = endpoint.key("connections.handshake-period")
                .as(Parsers.DURATION)
                .or(a == null ? null : new Annotated("@ConnectionLimits(handshakePeriod)", a.handshakePeriod()))
                .orDefault(Duration.ofSeconds(1));
        if (handshakes > 0 && period.isZero()) {
            throw endpoint.bad("the handshake period must be positive");
        }
        return new ConnectionLimitSettings(
                (int) max, (int) perPrincipal, (int) perAddress, (int) handshakes, period.toNanos());
    }

    /** Whether any limit is set. */
    public boolean any() {
        return max > 0 || perPrincipal > 0 || perAddress > 0 || handshakesPerAddress > 0;
    }
}
