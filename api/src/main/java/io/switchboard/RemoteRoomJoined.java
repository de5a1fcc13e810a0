package io.switchboard;

/**
 * CDI event fired on every node when a session of <em>another</em> node has joined a room, only where
 * {@code switchboard.backplane.presence-events=true} (it costs one message to every node per join). Local sessions
 * fire {@link RoomJoined}, which carries the live session. Observers run on the backplane's receiving thread, in the
 * order the other node published; one that throws is logged and affects nothing else.
 *
 * @param member the member on the other node
 * @param room   the room's name
 */
public record RemoteRoomJoined(ClusterMember member, String room) {}
