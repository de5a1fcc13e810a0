package io.switchboard.impl.cluster;

import io.switchboard.ClusterMember;
import io.switchboard.DeliveryReport;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** This node's rooms, as the cluster needs them: implemented by the room registry. */
public interface LocalRooms {

    /**
     * Sends another node's broadcast to the members of a room on this node.
     *
     * @param room    the room
     * @param message text ({@code String}) or binary ({@code ByteBuffer})
     * @return the stage of the local delivery report
     */
    CompletionStage<DeliveryReport> deliverLocally(String room, Object message);

    /**
     * The rooms with members on this node, and those members.
     *
     * @param member how a session is described to the cluster
     * @return a snapshot
     */
    Map<String, Set<ClusterMember>> localMembers(Function<io.switchboard.SessionInfo, ClusterMember> member);
}
