package io.switchboard.spi;

import io.switchboard.ClusterMember;
import java.util.Map;
import java.util.Set;

/**
 * What one node contributes to the cluster's shared state at one moment: the members of each room it holds and its
 * count of each shared key. A backplane writes it again after its engine lost it (a restart of Redis, an outage that
 * outlived the node's entries).
 *
 * @param rooms  each room with members on this node, and those members
 * @param counts each shared count this node holds (see {@link Backplane#acquire}), and this node's part of it
 */
public record Presence(Map<String, Set<ClusterMember>> rooms, Map<String, Integer> counts) {

    /**
     * Copies the parts.
     *
     * @param rooms  the rooms and their local members
     * @param counts the shared counts and this node's part
     */
    public Presence {
        rooms = Map.copyOf(rooms);
        counts = Map.copyOf(counts);
    }
}
