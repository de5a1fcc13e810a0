package io.switchboard.spi;

import io.switchboard.ClusterMember;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Connects the nodes of a cluster through an existing distributed engine: broadcasts to rooms, endpoints and
 * principals reach every node's sessions, room membership (presence) and per-principal connection counts are
 * shared, and a node that dies has its share removed after a configured time.
 *
 * <p>A backplane is an application-scoped CDI bean shipped in its own jar (Redis: {@code switchboard-backplane-redis},
 * {@link #name()} {@code redis}); {@code switchboard.backplane} picks it by name. Without the setting, or with
 * {@code local}, Switchboard runs on one node and no backplane is called at all.
 *
 * <p>Guarantees a backplane must give: every other node receives each broadcast at most once, in the order this node
 * published; a broadcast published while the engine is unreachable is dropped (and reported so), never queued
 * without bound; no method blocks longer than the backplane's configured command timeout. Methods are called from
 * any thread.
 *
 * <p>Shared state is written as this node's truth, not as increments: a change of a membership or a count makes the
 * backplane read the current value from the {@link BackplaneNode} ({@link BackplaneNode#inRoom},
 * {@link BackplaneNode#heldHere}, {@link BackplaneNode#presence}) and write that, with reads and writes of one node
 * in one order. So two changes that race on this node (a join and the close that undoes it, two handshakes of one
 * user) can reach the engine in either order and still leave it right.
 */
public interface Backplane {

    /**
     * The name {@code switchboard.backplane} selects this backplane by.
     *
     * @return such as {@code redis}
     */
    String name();

    /**
     * Connects and starts delivering the other nodes' broadcasts to {@code node}. Called once, as the application
     * starts. A backplane that cannot reach its engine yet still starts and keeps trying (local delivery must work
     * meanwhile); one that is misconfigured throws, which fails the deployment.
     *
     * @param node this node
     * @throws IllegalArgumentException if the backplane's settings are wrong, naming the key and the value
     */
    void start(BackplaneNode node);

    /**
     * Sends a broadcast to the other nodes. Returns at once.
     *
     * @param broadcast the broadcast, encoded
     * @return completes with {@code true} when the engine took it, {@code false} when it was dropped (engine
     *     unreachable, or the backplane's own bounds); never exceptionally
     */
    CompletionStage<Boolean> publish(ClusterBroadcast broadcast);

    /**
     * A member of this node joined a room: write whether it is a member now ({@link BackplaneNode#inRoom}), and
     * announce the join where presence events are asked for. Returns at once; lost if the engine is unreachable
     * (the next {@link #restore} writes it again).
     *
     * @param member the member
     * @param room   the room
     */
    void joined(ClusterMember member, String room);

    /**
     * A member of this node left a room: as {@link #joined}, announcing a leave.
     *
     * @param member the member
     * @param room   the room
     */
    void left(ClusterMember member, String room);

    /**
     * The members of a room on every live node.
     *
     * @param room the room
     * @return completes with them, or exceptionally when the engine cannot answer in time
     */
    CompletionStage<Set<ClusterMember>> members(String room);

    /**
     * The rooms with members on any live node.
     *
     * @return completes with them, or exceptionally when the engine cannot answer in time
     */
    CompletionStage<Set<String>> rooms();

    /**
     * This node's holders of a shared key (a principal's sessions on one endpoint) grew: write
     * {@link BackplaneNode#heldHere} for it and return the count over the cluster. Blocks for at most the command
     * timeout.
     *
     * @param key the key
     * @return the cluster-wide count, or {@code -1} when the engine cannot answer (the caller then counts locally)
     */
    int acquire(String key);

    /**
     * This node's holders of a shared key shrank: write {@link BackplaneNode#heldHere} for it. Returns at once.
     *
     * @param key the key
     */
    void release(String key);

    /**
     * The number of holders of a shared key over the cluster. Blocks for at most the command timeout.
     *
     * @param key the key
     * @return the count, or {@code -1} when the engine cannot answer
     */
    int count(String key);

    /**
     * Writes this node's {@link BackplaneNode#presence presence} and counts again, read at the moment of writing,
     * replacing whatever the engine holds for this node. Called by Switchboard after
     * {@link BackplaneNode#connectionChanged connectionChanged(true)}.
     */
    void restore();

    /**
     * Whether the engine is reachable now (the readiness check reads it).
     *
     * @return whether it is
     */
    boolean connected();

    /** Removes this node's entries, disconnects and releases every thread: the application is stopping. */
    void stop();
}
