package io.switchboard;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The live sessions of every tracked endpoint in this deployment. Inject it:
 *
 * <pre>{@code
 * @Inject OpenSessions sessions;
 * long inLobby = sessions.stream().filter(s -> "lobby".equals(s.pathParameters().get("room"))).count();
 * int chatters = sessions.countByEndpoint(ChatEndpoint.class);
 * }</pre>
 *
 * <p>A session is listed from just before the endpoint's {@code @OnOpen} runs until its close (clean,
 * abrupt or by timeout) is known; it is never listed after its {@link SessionClosed} event.
 * Switchboard provides the {@code @ApplicationScoped} bean.
 *
 * <p>Threads and cost: every method runs on the calling thread, from any thread, takes no lock that a send or a
 * session's callbacks hold, does no I/O and never waits for a peer. Methods that select by endpoint or principal
 * scan every live session (O(sessions)); {@link #count()} and {@link #findBySessionId(String)} do not.
 *
 * <p>Counts are {@code int}, like {@link java.util.Collection#size()} and the lists these methods return: the
 * sessions one server holds are bounded by its file descriptors, far below {@link Integer#MAX_VALUE}.
 */
public interface OpenSessions {

    /**
     * A weakly consistent stream over the live sessions; safe while sessions open and close (it may or may not
     * show a session that opens or closes while it is traversed). Creating it costs O(1); traversing it,
     * O(sessions), on the thread that consumes it.
     *
     * @return the stream
     */
    Stream<SessionInfo> stream();

    /**
     * The number of live sessions of every tracked endpoint. O(1): no scan.
     *
     * @return the count at the moment of the call
     */
    int count();

    /**
     * The live session with this id. O(1): a hash lookup.
     *
     * @param sessionId the container's session id, as {@link jakarta.websocket.Session#getId()} and
     *                  {@link SessionInfo#id()}
     * @return the session, or empty if no tracked session with this id is open
     */
    Optional<SessionInfo> findBySessionId(String sessionId);

    /**
     * A snapshot of every live session. O(sessions): copies them into a new list.
     *
     * @return an unmodifiable list
     */
    default List<SessionInfo> listAll() {
        return stream().toList();
    }

    /**
     * The live sessions of one endpoint. O(sessions): scans every live session.
     *
     * @param endpointId the endpoint id: the {@link EndpointId} of the endpoint class, else its simple name
     * @return an unmodifiable snapshot; empty for an id no tracked endpoint has
     */
    default List<SessionInfo> findByEndpoint(String endpointId) {
        return stream().filter(s -> s.endpointId().equals(endpointId)).toList();
    }

    /**
     * The live sessions of one endpoint class. O(sessions): scans every live session.
     *
     * @param endpointClass the {@code @ServerEndpoint} class
     * @return an unmodifiable snapshot; empty for a class that is not a tracked endpoint
     */
    default List<SessionInfo> findByEndpoint(Class<?> endpointClass) {
        return stream().filter(s -> s.endpointClass().equals(endpointClass)).toList();
    }

    /**
     * The live sessions of one principal. O(sessions): scans every live session.
     *
     * @param principalName the principal's name, as {@link java.security.Principal#getName()}
     * @return an unmodifiable snapshot
     */
    default List<SessionInfo> findByPrincipal(String principalName) {
        return stream()
                .filter(s -> s.principal()
                        .map(p -> p.getName().equals(principalName))
                        .orElse(false))
                .toList();
    }

    /**
     * The number of live sessions of one endpoint. O(sessions): scans every live session.
     *
     * @param endpointId the endpoint id: the {@link EndpointId} of the endpoint class, else its simple name
     * @return the count; 0 for an id no tracked endpoint has
     */
    default int countByEndpoint(String endpointId) {
        return (int) stream().filter(s -> s.endpointId().equals(endpointId)).count();
    }

    /**
     * The number of live sessions of one endpoint class. O(sessions): scans every live session.
     *
     * @param endpointClass the {@code @ServerEndpoint} class
     * @return the count; 0 for a class that is not a tracked endpoint
     */
    default int countByEndpoint(Class<?> endpointClass) {
        return (int)
                stream().filter(s -> s.endpointClass().equals(endpointClass)).count();
    }
}
