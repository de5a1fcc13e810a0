/**
 * The handshake gate: a servlet filter ahead of the container's WebSocket upgrade, and the channel by which
 * what it learns reaches the session.
 */
package io.switchboard.impl.handshake;
