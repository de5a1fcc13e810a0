package io.switchboard.impl.config;

import io.switchboard.RoomHistory;
import java.time.Duration;

/**
 * How much of its rooms' broadcasts an endpoint keeps ({@link RoomHistory}).
 *
 * @param size     the most broadcasts a room keeps; 0 for no history
 * @param maxBytes the most bytes of messages a room keeps
 * @param ttl      how long a broadcast is kept, and a room's history without broadcasts or joins
 */
public record HistorySettings(int size, long maxBytes, Duration ttl) {

    /** No history. */
    public static final HistorySettings NONE = new HistorySettings(0, 0, Duration.ZERO);

    /** What {@link RoomHistory} gives without values: 100 broadcasts, 1 MiB, 5 minutes. */
    public static final HistorySettings DEFAULT = new HistorySettings(100, 1 << 20, Duration.ofMinutes(5));

    /**
     * An endpoint's history: {@code history.size} (broadcasts, 0 to 1,000,000; 0 turns history off),
     * {@code history.max-bytes} (a size, at least 1) and {@code history.ttl} (a positive duration), endpoint key
     * first, then {@link RoomHistory}, then the default key. Without the annotation and without a size key an
     * endpoint keeps no history.
     *
     * @param endpoint the endpoint's settings
     * @param history  the endpoint's annotation, or {@code null}
     * @return the settings, {@link #NONE} for no history
     * @throws IllegalArgumentException if a value does not parse or is out of range
     */
    public static HistorySettings read(Settings.Endpoint endpoint, RoomHistory history) {
        long size = endpoint.key("history.size")
                .as(Parsers.number(0, 1_000_000))
                .or(history == null ? null : new Annotated("@RoomHistory(size)", String.valueOf(history.size())))
                .orDefault(0L);
        long maxBytes = endpoint.key("history.max-bytes")
                .as(Parsers.SIZE)
                .or(history == null ? null : new Annotated("@RoomHistory(maxBytes)", history.maxBytes()))
                .orDefault(DEFAULT.maxBytes());
        Duration ttl = endpoint.key("history.ttl")
                .as(Parsers.DURATION)
                .or(history == null ? null : new Annotated("@RoomHistory(ttl)", history.ttl()))
                .orDefault(DEFAULT.ttl());
        if (size == 0) {
            return NONE;
        }
        if (maxBytes < 1) {
            throw endpoint.bad("a room history's max-bytes must be at least one byte");
        }
        if (ttl.isZero()) {
            throw endpoint.bad("a room history's ttl must be positive");
        }
        return new HistorySettings((int) size, maxBytes, ttl);
    }

    /** Whether rooms keep history at all. */
    public boolean enabled() {
        return size > 0;
    }
}
