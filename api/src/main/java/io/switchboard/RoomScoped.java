package io.switchboard;

import jakarta.enterprise.context.NormalScope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CDI normal scope with one bean instance per room. The scope is active while a callback of an endpoint runs
 * for a session that is in a room: the room of the endpoint's {@link Room} annotation, else the session's only
 * room. Elsewhere, {@link RoomService#inRoom(String, java.util.function.Supplier)} activates it for a given room.
 * The instances of a room are destroyed (their {@code @PreDestroy} runs) when its last member leaves, and when
 * the application stops.
 *
 * <pre>{@code
 * @RoomScoped
 * public class ChatHistory {
 *     private final Deque<String> last = new ConcurrentLinkedDeque<>();
 * }
 * }</pre>
 *
 * <p>Sessions of one room run their callbacks concurrently on the container's threads: a room-scoped bean must
 * be thread-safe.
 */
@Documented
@NormalScope
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface RoomScoped {}
