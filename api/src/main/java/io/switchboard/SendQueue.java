package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bounds of the outbound queue every session of an endpoint has. Everything Switchboard sends (broadcasts,
 * room messages, {@link Broadcaster#toSession}, values returned from {@code @OnMessage}) goes through it and is
 * written with one asynchronous send at a time, so a peer that stops reading holds up nobody else, and the
 * memory it can pin stays bounded.
 *
 * <p>Without this annotation an endpoint gets the deployment's defaults ({@code switchboard.default.send-queue.*},
 * else 1024 messages, 1 MiB, {@link OverflowPolicy#CLOSE}, 10 s). The keys
 * {@code switchboard.<endpoint-id>.send-queue.capacity}, {@code .max-bytes}, {@code .overflow} and
 * {@code .send-timeout} override it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SendQueue {

    /** The most messages a session may have waiting, the one being written included. */
    int capacity() default 1024;

    /** The most bytes of messages a session may have waiting: {@code 65536}, {@code 64KiB}, {@code 1MiB}. */
    String maxBytes() default "1MiB";

    /** What happens to a message that does not fit. */
    OverflowPolicy overflow() default OverflowPolicy.CLOSE;

    /** How long one write may take before the session is closed with 1013 ({@link CloseCategory#SLOW_CONSUMER}). */
    String sendTimeout() default "10s";
}
