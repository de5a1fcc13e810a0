package io.switchboard.impl.session;

import java.security.Principal;

/**
 * What the handshake established about the peer of a session.
 *
 * @param remoteAddress    the peer's {@code host:port}, or {@code null} where the container does not tell
 * @param principal        whom the handshake admitted, or {@code null} for an anonymous peer
 * @param expiresAtMillis  when the peer's credentials expire (epoch milliseconds, clock skew included), or 0
 */
public record Peer(String remoteAddress, Principal principal, long expiresAtMillis) {}
