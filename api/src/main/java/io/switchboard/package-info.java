/**
 * Switchboard's public API: what an application injects, observes and annotates.
 *
 * <p>Add {@code switchboard-api} (compile scope) and {@code switchboard-impl} (runtime scope) to a WAR and
 * every {@link jakarta.websocket.server.ServerEndpoint @ServerEndpoint} in it is tracked, unchanged. Annotations
 * tune one endpoint; each setting can be overridden with MicroProfile Config (see the README's configuration table).
 *
 * <h2>Sessions</h2>
 * <ul>
 *   <li>{@link io.switchboard.OpenSessions} — inject it to list and find live sessions, each described by
 *       a {@link io.switchboard.SessionInfo} in a {@link io.switchboard.SessionState};</li>
 *   <li>{@link io.switchboard.EndpointId} — names an endpoint in configuration, metrics and lookups in place of
 *       its class's simple name;</li>
 *   <li>{@link io.switchboard.Untracked} — leaves one endpoint to the container, alone.</li>
 * </ul>
 *
 * <h2>Rooms and sending</h2>
 * <ul>
 *   <li>{@link io.switchboard.RoomService} — named groups of sessions, and broadcasting to them;</li>
 *   <li>{@link io.switchboard.Room} — joins each session of an endpoint to the room a path parameter names;</li>
 *   <li>{@link io.switchboard.RoomScoped} — a CDI scope with one bean instance per room;</li>
 *   <li>{@link io.switchboard.Broadcaster} — sends to sessions chosen otherwise than by room;</li>
 *   <li>{@link io.switchboard.DeliveryReport} — what became of one message sent to many sessions;</li>
 *   <li>{@link io.switchboard.ClusterMember} — a member of a room on any node of a cluster, as
 *       {@link io.switchboard.RoomService#clusterMembers} lists it;</li>
 *   <li>{@link io.switchboard.SendQueue} and {@link io.switchboard.OverflowPolicy} — the bounds of each session's
 *       outbound queue, and what happens when a message would exceed them.</li>
 * </ul>
 *
 * <h2>Sends that follow the transaction</h2>
 * {@link io.switchboard.RoomService#afterCommit()} and {@link io.switchboard.Broadcaster#afterCommit()} are views of
 * the two whose sends made inside a JTA transaction wait for it to commit and are dropped if it rolls back (their
 * stage then completes with a {@link java.util.concurrent.CancellationException}); outside a transaction they send
 * at once. Opt-in per send: {@code rooms.afterCommit().broadcast(room, saved)}.
 *
 * <h2>History and resume</h2>
 * <ul>
 *   <li>{@link io.switchboard.RoomHistory} — keeps the recent broadcasts of the rooms an endpoint's sessions join;</li>
 *   <li>{@link io.switchboard.RoomPosition} — where a broadcast stands in its room's history: an epoch and an
 *       offset, which a client sends back to resume;</li>
 *   <li>{@link io.switchboard.RoomRecovery} — whether a session that joined naming a position got everything it
 *       missed;</li>
 *   <li>{@link io.switchboard.RecordedMessages} — a room's history as {@link io.switchboard.RoomService#history}
 *       reads it.</li>
 * </ul>
 *
 * <h2>Liveness and limits</h2>
 * <ul>
 *   <li>{@link io.switchboard.Heartbeat} and {@link io.switchboard.IdleTimeout} — how dead and idle peers are
 *       found on one endpoint;</li>
 *   <li>{@link io.switchboard.MaxMessageSize} — the largest text and binary messages an endpoint receives;</li>
 *   <li>{@link io.switchboard.RateLimit} — messages and bytes per period, per session, principal or address;</li>
 *   <li>{@link io.switchboard.ConnectionLimits} — how many sessions an endpoint accepts, and how fast.</li>
 * </ul>
 *
 * <h2>Events</h2>
 * Observed with {@code @Observes}:
 * <ul>
 *   <li>{@link io.switchboard.SessionOpened} and {@link io.switchboard.SessionClosed} — a closed session carries its
 *       {@link io.switchboard.CloseCategory}, the one list of ways a session ends (when the application stops, each
 *       session is closed with 1012 and told when to come back: {@link io.switchboard.RestartAdvice});</li>
 *   <li>{@link io.switchboard.SessionError} — an error in a session, with its category;</li>
 *   <li>{@link io.switchboard.RoomJoined} and {@link io.switchboard.RoomLeft} — room membership;</li>
 *   <li>{@link io.switchboard.RemoteRoomJoined} and {@link io.switchboard.RemoteRoomLeft} — room membership on the
 *       other nodes of a cluster, where asked for;</li>
 *   <li>{@link io.switchboard.MessageDropped} — a full send queue dropped a message;</li>
 *   <li>{@link io.switchboard.RateLimited} — a message over a rate limit was dropped.</li>
 * </ul>
 *
 * What an integrator may replace is in {@link io.switchboard.spi}. Nothing in this package depends on the
 * implementation.
 */
package io.switchboard;
