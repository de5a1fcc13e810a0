package io.switchboard.impl.cluster;

import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;

/**
 * The deployment's cluster settings, read once at start.
 *
 * @param backplane       {@code switchboard.backplane}: the name of the backplane, {@code local} for none
 * @param maxPayload      {@code switchboard.backplane.max-payload}: the largest broadcast (bytes, encoded) that may
 *                        go to the other nodes; a larger one is refused before anything is sent
 * @param publishRate     {@code switchboard.backplane.max-publish-rate}: broadcasts per second this node may
 *                        publish (bursts of as many); more are delivered here only, and counted dropped
 * @param presenceEvents  {@code switchboard.backplane.presence-events}: whether joins and leaves are sent to every
 *                        node, which fires {@code RemoteRoomJoined} and {@code RemoteRoomLeft} there
 * @param clusterLimits   {@code switchboard.backplane.principal-limits}: {@code cluster} to count
 *                        {@code @ConnectionLimits(perPrincipal)} over every node, {@code node} (the default) to count
 *                        on each node alone
 */
public record ClusterSettings(
        String backplane, long maxPayload, long publishRate, boolean presenceEvents, boolean clusterLimits) {

    /** The name for no backplane. */
    public static final String LOCAL = "local";

    /**
     * Reads the settings.
     *
     * @param settings where from
     * @return them
     * @throws IllegalArgumentException naming the key and the value, if one does not parse
     */
    public static ClusterSettings read(Settings settings) {
        String name = settings.key("switchboard.backplane").orDefault(LOCAL).trim();
        long maxPayload = settings.key("switchboard.backplane.max-payload")
                .as(Parsers.SIZE)
                .orDefault(1024L * 1024);
        long rate = settings.key("switchboard.backplane.max-publish-rate")
                .as(Parsers.number(1, 10_000_000))
                .orDefault(10_000L);
        boolean presenceEvents = settings.key("switchboard.backplane.presence-events")
                .as(Parsers.BOOLEAN)
                .orDefault(false);
        String limits = settings.key("switchboard.backplane.principal-limits")
                .orDefault("node")
                .trim();
        if (!limits.equals("node") && !limits.equals("cluster")) {
            throw new IllegalArgumentException("Switchboard: switchboard.backplane.principal-limits must be node or "
                    + "cluster, not '" + limits + "'");
        }
        if (maxPayload <= 0) {
            throw new IllegalArgumentException(
                    "Switchboard: switchboard.backplane.max-payload must be positive, not " + maxPayload);
        }
        return new ClusterSettings(
                name.isEmpty() ? LOCAL : name, maxPayload, rate, presenceEvents, limits.equals("cluster"));
    }

    /** Whether a backplane is named. */
    public boolean clustered() {
        return !backplane.equals(LOCAL);
    }
}
