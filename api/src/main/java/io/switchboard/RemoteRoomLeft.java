package io.switchboard;

/**
 * CDI event fired on every node when a session of <em>another</em> node has left a room, on its own, because it
 * closed, or because its node stopped answering and its members were removed; only where
 * {@code switchboard.backplane.presence-events=true}. Local sessions fire {@link RoomLeft}. Observers run on the
 * backplane's receiving thread; one that throws is logged and affects nothing else.
 *
 * @param member the member on the other node
 * @param room   the room's name
 */
public record RemoteRoomLeft(ClusterMember member, String room) {}
