/**
 * The handshake: the servlet filter around the container's WebSocket upgrade ({@code HandshakeFilter}), what it
 * learns of each request for the configurator on the same thread ({@code HandshakeScope}), the decision for one
 * endpoint made where the container's choice of endpoint is known ({@code Admission}), and how a refusal becomes an
 * HTTP status on each container ({@code HandshakeRefusal}, {@code HandshakeRefused}).
 */
package io.switchboard.impl.handshake;
