/**
 * The relay sample: {@link io.switchboard.samples.relay.TickRelay} reads the ticker sample's feed through
 * Switchboard's reconnecting client and rebroadcasts each tick into the room of its symbol, served by
 * {@link io.switchboard.samples.relay.RelayEndpoint}; {@link io.switchboard.samples.relay.LinkStatus} tells watchers
 * how the link to the ticker stands.
 */
package io.switchboard.samples.relay;
