package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A limit on the messages an endpoint's sessions may send: a token bucket on message count and another on bytes,
 * refilled at {@link #messages()} / {@link #bytes()} per {@link #per()}, holding up to {@link #burst()} /
 * {@link #burstBytes()}. The check runs before the endpoint's code and before the message is decoded. A message
 * over the limit is dropped ({@link RateLimited} event) or closes the session with 1008
 * ({@link CloseCategory#RATE_LIMITED}), by {@link #policy()}.
 *
 * <p>{@link #scope()} says who shares a bucket: each session, every session of one principal, or every session from
 * one remote address — so opening more sockets does not buy more rate. Repeat the annotation for several scopes:
 *
 * <pre>{@code
 * @RateLimit(messages = 20, per = "1s", burst = 40)
 * @RateLimit(messages = 100, per = "1s", scope = RateLimit.Scope.ADDRESS)
 * }</pre>
 *
 * <p>Configuration overrides it: {@code switchboard.<endpoint-id>.rate-limit.<scope>.messages}, {@code .bytes},
 * {@code .per}, {@code .burst}, {@code .burst-bytes}, {@code .policy} (scope {@code session}, {@code principal} or
 * {@code address}), with {@code switchboard.default.rate-limit.<scope>.*} for every endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(RateLimit.List.class)
public @interface RateLimit {

    /** Messages allowed per {@link #per()}; 0 for no limit on the count. */
    long messages() default 0;

    /** Bytes allowed per {@link #per()} ({@code 65536}, {@code 64KiB}); {@code "0"} for no limit on bytes. */
    String bytes() default "0";

    /** The period of the rates. */
    String per() default "1s";

    /** The most messages at once after a quiet spell; 0 means {@link #messages()}. */
    long burst() default 0;

    /** The most bytes at once after a quiet spell; {@code "0"} means {@link #bytes()}. */
    String burstBytes() default "0";

    /** What happens to a message over the limit. */
    Policy policy() default Policy.CLOSE;

    /** Who shares the bucket. */
    Scope scope() default Scope.SESSION;

    /** What happens to a message over the limit. */
    enum Policy {
        /** Drop it: the endpoint never sees it; a {@link RateLimited} event is fired. */
        DROP,
        /** Close the session with 1008 ({@link CloseCategory#RATE_LIMITED}). */
        CLOSE
    }

    /** Who shares a bucket. */
    enum Scope {
        /** Each session has its own. */
        SESSION,
        /** Every session of one principal shares one (sessions without a principal are not limited by it). */
        PRINCIPAL,
        /** Every session from one remote address shares one (where the container gives the address). */
        ADDRESS
    }

    /** The container of repeated {@link RateLimit}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** The limits. */
        RateLimit[] value();
    }
}
