package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The heartbeat of an endpoint's sessions: a session from which nothing has arrived for {@link #interval()}
 * is sent a ping, and one that then stays silent for {@link #timeout()} is closed with 1001
 * ({@link CloseCategory#HEARTBEAT_TIMEOUT}). Without this annotation an endpoint gets the deployment's default
 * ({@code switchboard.default.heartbeat.*}, else 30 s and 10 s). The keys
 * {@code switchboard.<endpoint-id>.heartbeat.interval} and {@code .timeout} override it.
 *
 * <p>Durations are written {@code 500ms}, {@code 20s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT20S}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Heartbeat {

    /** How long a session may be quiet before it is pinged; {@code "0"} switches heartbeats off. */
    String interval() default "30s";

    /** How long the answer to a ping may take. */
    String timeout() default "10s";
}
