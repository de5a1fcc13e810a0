package io.switchboard.impl.config;

import java.time.Duration;

/**
 * An endpoint's heartbeat: a session from which nothing has arrived for {@code interval} is pinged, and one
 * that then stays silent for {@code timeout} is closed as dead.
 *
 * @param interval how long a session may be quiet before it is pinged; zero switches heartbeats off
 * @param timeout  how long the answer may take
 */
public record HeartbeatSettings(Duration interval, Duration timeout) {

    /** 30 s between pings of a quiet session, 10 s for the answer. */
    public static final HeartbeatSettings DEFAULT = new HeartbeatSettings(Duration.ofSeconds(30), Duration.ofSeconds(10));

    /** Whether heartbeats are on. */
    public boolean enabled() {
        return !interval.isZero();
    }
}
