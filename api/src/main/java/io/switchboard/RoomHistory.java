package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the recent broadcasts of the rooms an endpoint's sessions join, so that a client that lost its connection
 * can come back where it left off. Every broadcast to such a room gets a {@link RoomPosition} (an offset that grows
 * by one per broadcast, and an epoch that changes whenever history was lost), reported in
 * {@link DeliveryReport#position()} and given to {@link RoomService#broadcastWithPosition} so the application can
 * put it into its message.
 *
 * <pre>{@code
 * @ServerEndpoint("/chat/{room}")
 * @Room("room")
 * @RoomHistory(size = 200, ttl = "10m")
 * public class ChatEndpoint { ... }
 * }</pre>
 *
 * <p>A client that reconnects with {@code ?switchboard-since=<position>} ({@link RoomPosition#QUERY_PARAMETER}, or
 * {@code switchboard-since.<room>=} for a room joined in code) gets every later broadcast of the room replayed,
 * in order, ahead of any live message, with no gap and no duplicate; when history cannot cover the gap the
 * endpoint learns it through {@link RoomService#recovery} and sends a fresh state instead.
 *
 * <p>A room keeps history from the first time a session of such an endpoint joins it, also while it has no
 * members, until nothing was broadcast to it or joined it for {@link #ttl()}. History lives in this node's memory,
 * or in the backplane where it keeps history ({@code switchboard.backplane=redis}), so any node can serve it. The
 * keys {@code switchboard.<endpoint-id>.history.size}, {@code .max-bytes} and {@code .ttl} override this, and
 * {@code switchboard.default.history.*} sets them for every endpoint; a size of 0 turns history off.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RoomHistory {

    /** The most broadcasts a room keeps; the oldest go first. */
    int size() default 100;

    /** The most bytes of messages a room keeps: {@code 65536}, {@code 64KiB}, {@code 1MiB}. */
    String maxBytes() default "1MiB";

    /** How long a broadcast is kept: {@code 30s}, {@code 5m}, {@code 1h}. */
    String ttl() default "5m";
}
