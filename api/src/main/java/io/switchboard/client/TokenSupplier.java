package io.switchboard.client;

/**
 * Gives a client the bearer token for its next handshake; asked before every attempt, so it may return a fresh token
 * each time. In CDI, a bean of this type qualified {@code @WebSocketClient("name")} serves the client of that name
 * and takes precedence over a static {@code switchboard.client.<name>.token}.
 *
 * <p>After the server refused a token (HTTP 401 or 403, or a close with 1008), the client waits in
 * {@link ClientState#WAITING_FOR_TOKEN} and asks again on its backoff schedule until this returns a different
 * token. It is called on the client's own thread and should not block for long.
 */
@FunctionalInterface
public interface TokenSupplier {

    /**
     * The token to send as {@code Authorization: Bearer <token>}.
     *
     * @return the token, or {@code null} for none
     */
    String token();
}
