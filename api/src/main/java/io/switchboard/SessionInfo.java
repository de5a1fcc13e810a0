package io.switchboard;

import jakarta.websocket.Session;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Switchboard knows about one WebSocket session. Instances are live views: {@link #lastActivity()},
 * {@link #state()}, {@link #rooms()} and {@link #lastHeartbeatRoundTrip()} change as the session does.
 *
 * <p>Threads and cost: every method may be called from any thread, returns at once and does no I/O. Each reads
 * a field the session keeps (O(1)), except {@link #rooms()}, which copies the session's room names
 * (O(rooms of the session)). Values read while the session's own callbacks or the heartbeat sweeper change them
 * are each current, not a consistent snapshot of all of them.
 */
public interface SessionInfo {

    /** The container's session id, as {@link Session#getId()}. */
    String id();

    /**
     * The endpoint id: the {@link EndpointId} of the endpoint class, else the class's simple name. It names the
     * endpoint in configuration keys ({@code switchboard.<endpoint-id>.<setting>}), logs and metric tags.
     */
    String endpointId();

    /** The endpoint class the session belongs to. */
    Class<?> endpointClass();

    /** The path of the handshake request, e.g. {@code /app/chat/lobby}. */
    String requestPath();

    /** The values of the endpoint path's template parameters, e.g. {@code {room=lobby}}. */
    Map<String, String> pathParameters();

    /** The authenticated principal of the handshake, if any. */
    Optional<Principal> principal();

    /** The peer's address as {@code host:port}, where the container makes it known. */
    Optional<String> remoteAddress();

    /** The negotiated subprotocol, if one was. */
    Optional<String> subprotocol();

    /** When the session opened. */
    Instant openedAt();

    /** When the last message (of any type) arrived from the peer; {@link #openedAt()} before that. */
    Instant lastActivity();

    /** Where the session is in its life. */
    SessionState state();

    /** The rooms the session is a member of, a snapshot copied at each call; empty until it joins one. */
    Set<String> rooms();

    /** The round-trip time of the last answered heartbeat ping, if any was answered. */
    Optional<Duration> lastHeartbeatRoundTrip();

    /**
     * The container's session. Mind that sending on it directly either blocks on a slow peer (basic remote) or
     * queues without bound (async remote), outside Switchboard's send queue:
     * {@link Broadcaster#toSession(SessionInfo, Object)} is the bounded, ordered way.
     */
    Session session();
}
