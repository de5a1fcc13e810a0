package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts every session of an endpoint in the room named by one of its path parameters: the session joins before
 * the endpoint's {@code @OnOpen} runs and leaves after its {@code @OnClose}, however the session ends.
 *
 * <pre>{@code
 * @ServerEndpoint("/chat/{room}")
 * @Room("room")
 * public class ChatEndpoint { ... }
 * }</pre>
 *
 * <p>The room is the one whose {@link RoomScoped} beans are active in the endpoint's callbacks. A path that
 * lacks the parameter fails the deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Room {

    /** The name of the path parameter ({@code room} for {@code /chat/{room}}). */
    String value();
}
