package io.switchboard.impl.health;

import io.switchboard.impl.config.Durations;
import io.switchboard.impl.config.Parser;
import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import java.time.Duration;

/**
 * The deployment's health settings, read once.
 *
 * @param enabled              {@code switchboard.health.enabled} (default {@code true}): whether the checks exist at
 *                             all
 * @param connectionLimit      {@code switchboard.health.readiness.connection-limit} (default {@code false}): whether
 *                             readiness goes down while an endpoint holds its {@code connections.max} sessions
 * @param backplane            {@code switchboard.health.readiness.backplane} (default {@code true}): whether
 *                             readiness goes down while the cluster's backplane is unreachable
 * @param sweepStall           {@code switchboard.health.liveness.sweep-stall} (default 10 s, at least 1 s): how long
 *                             the sweeper may go without finishing a sweep before liveness goes down
 */
public record HealthSettings(boolean enabled, boolean connectionLimit, boolean backplane, Duration sweepStall) {

    /** The defaults. */
    public static final HealthSettings DEFAULTS = new HealthSettings(true, false, true, Duration.ofSeconds(10));

    /** The shortest stall that counts: four sweep periods, so that one slow sweep is no alarm. */
    static final Duration MIN_STALL = Duration.ofSeconds(1);

    /**
     * Reads the settings.
     *
     * @param settings the deployment's settings
     * @return them
     * @throws IllegalArgumentException naming the key and the value, if one does not parse
     */
    public static HealthSettings read(Settings settings) {
        boolean enabled =
                settings.key("switchboard.health.enabled").as(Parsers.BOOLEAN).orDefault(DEFAULTS.enabled());
        boolean connectionLimit = settings.key("switchboard.health.readiness.connection-limit")
                .as(Parsers.BOOLEAN)
                .orDefault(DEFAULTS.connectionLimit());
        boolean backplane = settings.key("switchboard.health.readiness.backplane")
                .as(Parsers.BOOLEAN)
                .orDefault(DEFAULTS.backplane());
        Duration stall = settings.key("switchboard.health.liveness.sweep-stall")
                .as(Parser.of(Durations::parse, "a duration of at least 1s")
                        .requiring(d -> d.compareTo(MIN_STALL) >= 0, "a duration of at least 1s"))
                .orDefault(DEFAULTS.sweepStall());
        return new HealthSettings(enabled, connectionLimit, backplane, stall);
    }
}
