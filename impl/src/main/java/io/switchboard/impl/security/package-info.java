/**
 * Who may open a WebSocket: MicroProfile JWT bearer tokens found in the handshake (header, subprotocol, and by
 * choice query parameter or cookie) and verified with Nimbus JOSE+JWT, the standard {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @DenyAll} on endpoint classes, and allowed origins.
 * {@link io.switchboard.impl.security.HandshakeGuard} establishes a peer's identity (in the handshake filter, once
 * per request) and decides for one endpoint's rule (in that endpoint's configurator, see
 * {@code io.switchboard.impl.handshake.Admission}).
 */
package io.switchboard.impl.security;
