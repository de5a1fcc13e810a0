package io.switchboard.impl.config;

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
public record LivenessSettings(Duration heartbeatInterval, Duration heartbeatTimeout, Duration idleTimeout,
                               boolean pongsCount) {

    /** Heartbeats every 30 s of quiet with 10 s to answer; no idle timeout. */
    public static final LivenessSettings DEFAULT =
            new LivenessSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ZERO, false);
}
