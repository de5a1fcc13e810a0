package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Closes an endpoint's sessions from which no message has arrived for {@link #value()}, with 1001
 * ({@link CloseCategory#IDLE_TIMEOUT}). Pongs, including answers to heartbeats, do not count as messages
 * unless {@link #pongsCount()} says so: a connected but unused client is idle. Without this annotation there
 * is no idle timeout unless {@code switchboard.default.idle.timeout} sets one; the keys
 * {@code switchboard.<endpoint-id>.idle.timeout} and {@code .idle.pongs-count} override it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IdleTimeout {

    /** How long a session may receive nothing before it is closed, e.g. {@code "5m"}; {@code "0"} means never. */
    String value();

    /** Whether pongs count as activity. */
    boolean pongsCount() default false;
}
