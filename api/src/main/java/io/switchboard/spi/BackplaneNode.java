package io.switchboard.spi;

import io.switchboard.ClusterMember;

/**
 * What Switchboard offers a {@link Backplane} on one node: its identity, and where the other nodes' broadcasts and
 * presence changes go. Every method may be called from the backplane's own threads and returns quickly.
 */
public interface BackplaneNode {

    /**
     * This node's id, unique in the cluster and new at every start, so a restarted node never inherits a dead one's
     * entries.
     *
     * @return the id
     */
    String id();

    /**
     * Whether joins and leaves are to be announced to every node ({@code switchboard.backplane.presence-events}): a
     * backplane that is told so sends each {@link Backplane#joined} and {@link Backplane#left} to the other nodes,
     * and calls {@link #remoteJoined} and {@link #remoteLeft} for theirs.
     *
     * @return the setting
     */
    boolean presenceEvents();

    /**
     * Delivers another node's broadcast to this node's sessions. Call from one thread per sending node, in the order
     * that node published: delivery keeps that order.
     *
     * @param broadcast the broadcast; one of this node's own is ignored
     */
    void deliver(ClusterBroadcast broadcast);

    /**
     * A member of another node joined a room (only where presence events were asked for).
     *
     * @param member the member
     * @param room   the room
     */
    void remoteJoined(ClusterMember member, String room);

    /**
     * A member of another node left a room, or was removed with its node (only where presence events were asked
     * for).
     *
     * @param member the member
     * @param room   the room
     */
    void remoteLeft(ClusterMember member, String room);

    /**
     * The backplane's link to its engine went down or came back. Switchboard logs the outage once and its end, counts
     * it, and, when the link is back, asks the backplane to {@linkplain Backplane#restore restore} this node's
     * presence.
     *
     * @param connected whether it is up now
     */
    void connectionChanged(boolean connected);

    /**
     * Whether a session of this node is a member of a room now.
     *
     * @param sessionId the session's id
     * @param room      the room
     * @return whether it is
     */
    boolean inRoom(String sessionId, String room);

    /**
     * This node's holders of a shared key now.
     *
     * @param key the key
     * @return the count, 0 or more
     */
    int heldHere(String key);

    /**
     * What this node holds now, to write again after the engine lost it.
     *
     * @return a snapshot
     */
    Presence presence();
}
