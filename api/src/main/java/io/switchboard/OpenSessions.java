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
 * }</pre>
 *
 * <p>A session is listed from just before the endpoint's {@code @OnOpen} runs until its close (clean,
 * abrupt or by timeout) is known; it is never listed after its {@link SessionClosed} event.
 * Switchboard provides the {@code @ApplicationScoped} bean.
 */
public interface OpenSessions {

    /** A weakly consistent stream over the live sessions; safe while sessions open and close. */
    Stream<SessionInfo> stream();

    /** The number of live sessions. */
    int count();

    /**
     * The live session with this id.
     *
     * @param sessionId the container's session id
     */
    Optional<SessionInfo> find(String sessionId);

    /** A snapshot of every live session. */
    default List<SessionInfo> listAll() {
        return stream().toList();
    }

    /**
     * The live sessions of one endpoint.
     *
     * @param endpointId the endpoint id (the endpoint class's simple name)
     */
    default List<SessionInfo> findByEndpoint(String endpointId) {
        return stream().filter(s -> s.endpointId().equals(endpointId)).toList();
    }

    /**
     * The live sessions of one principal.
     *
     * @param principalName the principal's name, as {@link java.security.Principal#getName()}
     */
    default List<SessionInfo> findByPrincipal(String principalName) {
        return stream().filter(s -> s.principal().map(p -> p.getName().equals(principalName)).orElse(false))
                .toList();
    }

    /**
     * The number of live sessions of one endpoint.
     *
     * @param endpointId the endpoint id
     */
    default long countByEndpoint(String endpointId) {
        return stream().filter(s -> s.endpointId().equals(endpointId)).count();
    }
}
