package io.switchboard.impl.config;

import io.switchboard.Heartbeat;
import io.switchboard.IdleTimeout;
import java.time.Duration;

/**
 * How an endpoint's dead and idle peers are found. A session from which nothing has arrived for
 * {@code heartbeatInterval} is pinged, and one that then stays silent for {@code heartbeatTimeout} is closed
 * as dead; a session from which no message has arrived for {@code idleTimeout} is closed as idle.
 *
 * @param heartbeatInterval how long a session may be quiet before it is pinged; zero switches heartbeats off
 * @param heartbeatTimeout  how long the answer may take
 * @param idleTimeout       how long a session may receive no message; zero means never
 * @param pongsCount        whether pongs count as messages for the idle timeout
 */
public record LivenessSettings(
        Duration heartbeatInterval, Duration heartbeatTimeout, Duration idleTimeout, boolean pongsCount) {

    /** Heartbeats every 30 s of quiet with 10 s to answer; no idle timeout. */
    public static final LivenessSettings DEFAULT =
            new LivenessSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ZERO, false);

    /**
     * An endpoint's liveness settings. For each the endpoint's key wins, then the annotation, then the deployment
     * default key, then {@link #DEFAULT}: {@code heartbeat.interval} and {@code heartbeat.timeout} ({@link Heartbeat}),
     * {@code idle.timeout} and {@code idle.pongs-count} ({@link IdleTimeout}).
     *
     * @param endpoint  the endpoint's settings
     * @param heartbeat the endpoint's annotation, or {@code null}
     * @param idle      the endpoint's annotation, or {@code null}
     * @return the settings
     * @throws IllegalArgumentException if a value is not a duration, or the heartbeat timeout is not positive
     */
    public static LivenessSettings read(Settings.Endpoint endpoint, Heartbeat heartbeat, IdleTimeout idle) {
        Duration interval = endpoint.key("heartbeat.interval")
                .as(Parsers.DURATION)
                .or(heartbeat == null ? null : new Annotated("@Heartbeat(interval)", heartbeat.interval()))
                .orDefault(DEFAULT.heartbeatInterval());
        Duration timeout = endpoint.key("heartbeat.timeout")
                .as(Parsers.DURATION)
                .or(heartbeat == null ? null : new Annotated("@Heartbeat(timeout)", heartbeat.timeout()))
                .orDefault(DEFAULT.heartbeatTimeout());
        if (!interval.isZero() && timeout.isZero()) {
            throw endpoint.bad("the heartbeat timeout must be positive while the heartbeat interval is " + interval);
        }
        Duration idleTimeout = endpoint.key("idle.timeout")
                .as(Parsers.DURATION)
                .or(idle == null ? null : new Annotated("@IdleTimeout", idle.value()))
                .orDefault(DEFAULT.idleTimeout());
        boolean pongsCount = endpoint.key("idle.pongs-count")
                .as(Parsers.BOOLEAN)
                .or(idle == null ? null : new Annotated("@IdleTimeout(pongsCount)", String.valueOf(idle.pongsCount())))
                .orDefault(DEFAULT.pongsCount());
        return new LivenessSettings(interval, timeout, idleTimeout, pongsCount);
    }
}
