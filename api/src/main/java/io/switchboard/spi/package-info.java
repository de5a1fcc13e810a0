/**
 * What an integrator may replace or add.
 *
 * <ul>
 *   <li>{@link io.switchboard.spi.MetricsBackend} records Switchboard's metrics: a CDI bean of that type in the
 *       application wins over the backends Switchboard finds on the server (MicroProfile Metrics, Micrometer).</li>
 *   <li>{@link io.switchboard.spi.Backplane} connects the nodes of a cluster: a bean of that type, picked by
 *       {@code switchboard.backplane}, carries {@link io.switchboard.spi.ClusterBroadcast}s between nodes and shares
 *       presence and connection counts; Switchboard offers it a {@link io.switchboard.spi.BackplaneNode} and, after an
 *       outage, this node's {@link io.switchboard.spi.Presence}. The Redis backplane is in
 *       {@code switchboard-backplane-redis}.</li>
 *   <li>{@link io.switchboard.spi.SharedHistory}, implemented by a backplane that keeps room history in its engine
 *       (Redis streams), records and replays the broadcasts of rooms with {@link io.switchboard.RoomHistory} for every
 *       node.</li>
 * </ul>
 */
package io.switchboard.spi;
