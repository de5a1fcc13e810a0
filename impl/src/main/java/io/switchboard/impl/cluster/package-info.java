/**
 * The cluster: the {@link io.switchboard.spi.Backplane} {@code switchboard.backplane} names, and what this node
 * does with it. {@link io.switchboard.impl.cluster.Cluster} publishes room, endpoint and principal broadcasts after
 * delivering them here, delivers the other nodes' broadcasts to this node's sessions, shares room membership and
 * per-principal counts, and logs and counts outages. Without a backplane it does nothing, at the cost of one field
 * read per broadcast.
 */
package io.switchboard.impl.cluster;
