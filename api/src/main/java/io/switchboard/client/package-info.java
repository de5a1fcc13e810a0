/**
 * A WebSocket client that stays connected, for one service consuming another's feed.
 *
 * <ul>
 *   <li>{@link io.switchboard.client.ReconnectingSocket} — the client: sends that survive a drop, within bounds;</li>
 *   <li>{@link io.switchboard.client.WebSocketClient} — injects a client by its configured name, and selects its
 *       events;</li>
 *   <li>{@link io.switchboard.client.ClientOptions} — its settings ({@code switchboard.client.<name>.*});</li>
 *   <li>{@link io.switchboard.client.ClientState}, {@link io.switchboard.client.ClientStateChanged},
 *       {@link io.switchboard.client.ClientMessage} and {@link io.switchboard.client.ClientConnected} — what it
 *       reports, as CDI events and to a {@link io.switchboard.client.ClientListener};</li>
 *   <li>{@link io.switchboard.client.TokenSupplier} — a fresh bearer token for each attempt;</li>
 *   <li>{@link io.switchboard.client.BufferPolicy} and {@link io.switchboard.client.SendRefusedException} — what
 *       happens to messages sent while disconnected, and when they are refused.</li>
 * </ul>
 *
 * <p>How it reacts to what the server says, in one table (the README has it too):
 * <ul>
 *   <li>close 1012 whose reason says when to come back ({@link io.switchboard.RestartAdvice}, what Switchboard's
 *       server sends as its application stops): wait that long (up to an hour), plus a jitter under
 *       {@code backoff.initial}. WildFly's client (Undertow) reports a 1012 without its reason, so there it
 *       reconnects soon;</li>
 *   <li>close 1000, 1001, 1012 without a delay, or a drop after the link was open: reconnect soon, after a
 *       jittered delay under {@code backoff.initial};</li>
 *   <li>close 1013, or a failed handshake: exponential backoff with full jitter;</li>
 *   <li>close 1008, HTTP 401 or 403: wait for a different token from the {@link io.switchboard.client.TokenSupplier};
 *       give up without one;</li>
 *   <li>close 1003: give up (the server cannot take what this client sends);</li>
 *   <li>HTTP 429 or 503: wait as long as {@code Retry-After} says (up to an hour, plus a jitter under
 *       {@code backoff.initial}), else back off from a later step, as for 1013. WildFly's client (Undertow) drops
 *       the headers of a refused handshake, so there it always backs off.</li>
 * </ul>
 *
 * The implementation is in {@code switchboard-client}; in a WAR with {@code switchboard-impl} every client is
 * injectable.
 */
package io.switchboard.client;
