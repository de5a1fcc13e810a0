package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a {@code @ServerEndpoint} class for Switchboard, in place of its simple name:
 *
 * <pre>{@code
 * @ServerEndpoint("/chat/{room}")
 * @EndpointId("chat")
 * public class ChatEndpoint { ... }
 * }</pre>
 *
 * <p>The endpoint id names the endpoint in configuration keys ({@code switchboard.chat.heartbeat.interval}), in
 * {@link SessionInfo#endpointId()}, in {@link OpenSessions#findByEndpoint(String)} and
 * {@link Broadcaster#toEndpoint(String, Object)}, in logs and in the {@code endpoint} tag of metrics. Without this
 * annotation the id is the class's simple name. Ids must be unique in a deployment: two endpoint classes with the
 * same id (two classes with one simple name, neither annotated) fail the deployment with a message naming both.
 *
 * <p>An id is letters, digits, {@code -} and {@code _}; {@code default}, {@code security}, {@code shutdown} and
 * {@code fast-path} are taken by deployment-wide keys. Any other value fails the deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EndpointId {

    /** The endpoint id, e.g. {@code chat}. */
    String value();
}
