package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest message an endpoint's sessions may receive, for text (counted in UTF-8 bytes) and binary. A larger
 * message closes the session with 1009 ({@link CloseCategory#TOO_BIG}); whole messages are refused by the
 * container before they are buffered whole, and the parts of partial messages are counted together as they come.
 * An {@code @OnMessage(maxMessageSize)} on one method wins for that method.
 *
 * <p>Without this annotation the deployment default applies ({@code switchboard.default.max-message-size.*}), else
 * the container's own limit. The keys {@code switchboard.<endpoint-id>.max-message-size.text} and {@code .binary}
 * override it. Sizes are written {@code 65536}, {@code 64KiB}, {@code 1MiB}; {@code 0} leaves the container's
 * limit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MaxMessageSize {

    /** The largest text message. */
    String text() default "0";

    /** The largest binary message. */
    String binary() default "0";
}
