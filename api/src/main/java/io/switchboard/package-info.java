/**
 * Switchboard's public API: what an application injects, observes and annotates.
 *
 * <p>Add {@code switchboard-api} (compile scope) and {@code switchboard-impl} (runtime scope) to a WAR and
 * every {@link jakarta.websocket.server.ServerEndpoint @ServerEndpoint} in it is tracked, unchanged:
 * <ul>
 *   <li>{@link io.switchboard.OpenSessions} — inject it to list and find live sessions, each described by
 *       a {@link io.switchboard.SessionInfo};</li>
 *   <li>{@link io.switchboard.SessionOpened} and {@link io.switchboard.SessionClosed} — CDI events, observed
 *       with {@code @Observes}; a closed session carries its {@link io.switchboard.CloseCategory};</li>
 *   <li>{@link io.switchboard.Heartbeat} and {@link io.switchboard.IdleTimeout} — how dead and idle peers are
 *       found on one endpoint;</li>
 *   <li>{@link io.switchboard.RoomService} and {@link io.switchboard.Broadcaster} — inject them to send to
 *       rooms, endpoints, principals and single sessions through bounded send queues;</li>
 *   <li>{@link io.switchboard.EndpointId} — names an endpoint in configuration, metrics and lookups in place of
 *       its class's simple name;</li>
 *   <li>{@link io.switchboard.Untracked} — leaves one endpoint alone.</li>
 * </ul>
 * Nothing in this package depends on the implementation.
 */
package io.switchboard;
