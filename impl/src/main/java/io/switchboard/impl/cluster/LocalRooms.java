package io.switchboard.impl.cluster;

import io.switchboard.ClusterMember;
import io.switchboard.DeliveryReport;
import io.switchboard.RoomPosition;
import io.switchboard.impl.delivery.Recipient;
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
     * @param message  text ({@code String}) or binary ({@code ByteBuffer}), or, for this node's own broadcasts, any
     *                 message the members' encoders take
     * @param excluded the member that does not receive it, or {@code null}
     * @return the stage of the local delivery report
     */
    CompletionStage<DeliveryReport> deliverLocally(String room, Object message, Recipient excluded);

    /**
     * Sends a recorded broadcast, as the backplane hands it over in the order of positions, to the members of a
     * room on this node; a member that is catching up from history gets it after what it missed.
     *
     * @param room     the room
     * @param position its position
     * @param message  text ({@code String}) or binary ({@code ByteBuffer})
     * @param excluded the member that does not receive it, or {@code null}
     * @return the stage of the local delivery report
     */
    CompletionStage<DeliveryReport> deliverRecorded(
            String room, RoomPosition position, Object message, Recipient excluded);

    /**
     * The latest position of a room this node knows of, from the broadcasts it delivered.
     *
     * @param room the room
     * @return the position, or {@code null} if it knows none
     */
    RoomPosition latestKnown(String room);

    /**
     * The rooms with members on this node, and those members.
     *
     * @param member how a session is described to the cluster
     * @return a snapshot
     */
    Map<String, Set<ClusterMember>> localMembers(Function<io.switchboard.SessionInfo, ClusterMember> member);
}
