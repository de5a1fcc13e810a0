package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many sessions an endpoint accepts, and how fast. A handshake over a limit is refused before the upgrade where
 * the request passes Switchboard's handshake filter (servlet containers): HTTP 503 with {@code Retry-After} when the
 * endpoint is full, HTTP 429 with {@code Retry-After} for a principal or address over its share or handshaking too
 * fast. A session that gets past the filter over a limit (two handshakes racing for the last place) is closed with
 * 1013 ({@link CloseCategory#CONNECTION_LIMIT}, "try again later") right after it opens, before the endpoint's
 * code runs. 0
 * means no limit. Refused handshakes leave nothing in {@link OpenSessions}.
 *
 * <p>Configuration overrides it: {@code switchboard.<endpoint-id>.connections.max}, {@code .per-principal},
 * {@code .per-address}, {@code .handshakes-per-address}, {@code .handshake-period}, and
 * {@code switchboard.default.connections.*}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConnectionLimits {

    /** The most open sessions of the endpoint. */
    int max() default 0;

    /** The most open sessions of the endpoint for one principal. */
    int perPrincipal() default 0;

    /** The most open sessions of the endpoint from one remote address. */
    int perAddress() default 0;

    /** The most handshakes one remote address may make per {@link #handshakePeriod()}. */
    int handshakesPerAddress() default 0;

    /** The period of {@link #handshakesPerAddress()}. */
    String handshakePeriod() default "1s";
}
