/**
 * The reconnecting client: {@link io.switchboard.client.runtime.ReconnectingClient} runs the state machine;
 * {@code Backoff}, {@code Reaction}, {@code OutboundBuffer} and {@code LinkWatch} hold its rules as pure logic,
 * tested without sockets; {@code Link} is the JSR 356 endpoint of one connection.
 */
package io.switchboard.client.runtime;
