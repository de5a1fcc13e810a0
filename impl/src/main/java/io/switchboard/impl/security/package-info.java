/**
 * Who may open a WebSocket: MicroProfile JWT bearer tokens found in the handshake (header, subprotocol, and by
 * choice query parameter or cookie) and verified with Nimbus JOSE+JWT, the standard {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @DenyAll} on endpoint classes, and allowed origins. The handshake filter applies
 * {@link io.switchboard.impl.security.HandshakeGuard} before the upgrade (HTTP 401 or 403); where no filter runs,
 * the bridge's configurator applies it during the handshake.
 */
package io.switchboard.impl.security;
