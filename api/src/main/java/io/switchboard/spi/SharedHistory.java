package io.switchboard.spi;

import io.switchboard.RoomPosition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Room history kept by the backplane's engine, so that any node can replay any room's history to a session that
 * resumes there ({@link io.switchboard.RoomHistory}). A {@link Backplane} that keeps history also implements this
 * interface; Switchboard then records every broadcast to a room with history through it instead of in the node's
 * memory, and delivers such broadcasts on every node, the sending node included, from the backplane in the order of
 * their positions.
 *
 * <p>Guarantees an implementation must give: positions of one room are given out by the engine, one after another,
 * each once; a broadcast is recorded and published in one atomic step, so the order nodes receive them in is the
 * order of their positions; a room's epoch changes whenever its recorded history was lost (expired, flushed). Every
 * method is called from any thread; {@link #open} and {@link #read} block for at most the backplane's command
 * timeout, {@link #record} returns at once, and the records one thread asks for are made in the order asked.
 *
 * <p>An implementation keeps a room's history while any node has members in it (as {@link Backplane#joined} and
 * {@link Backplane#left} tell it), and for at least {@code ttl} after the latest of its last open, its last record and
 * the leave of its last member; the history of a node that vanished without leaving lasts at most the backplane's
 * node timeout beyond its last heartbeat.
 */
public interface SharedHistory {

    /**
     * Makes sure a room keeps history with these bounds (a session of an endpoint with history joins it here), and
     * keeps it from expiring for another {@code ttl}.
     *
     * @param room the room
     * @param size the most broadcasts it keeps (an engine need not bound bytes: each broadcast is at most
     *             {@code switchboard.backplane.max-payload})
     * @param ttl  how long a broadcast is kept, and the history once the room has no members and nothing is
     *             broadcast to it
     * @return the room's latest position
     * @throws IllegalStateException when the engine cannot answer in time
     */
    RoomPosition open(String room, int size, Duration ttl);

    /**
     * Records a room broadcast and publishes it to every node, this one included, with the position it got; or, when
     * the room keeps no history and {@code expected} is {@code null}, publishes it without a position.
     *
     * @param broadcast the broadcast, for a room, without a position
     * @param expected  the position the message was built for ({@code broadcastWithPosition}): recorded only if it
     *                  is the room's next one; {@code null} to take whatever position comes next
     * @param size      above 0 when this node has members that keep history in the room: a room without history
     *                  (lost to a flush or a restart of the engine while members stayed) then starts one with these
     *                  bounds, as {@link #open} would; 0 to leave a room without history as it is
     * @param ttl       the ttl of such a new history
     * @return completes with what happened; exceptionally when the engine is unreachable (nothing was published) or
     *     did not answer in time (it may still record and publish it: Switchboard then does not deliver it twice)
     */
    CompletionStage<Recorded> record(ClusterBroadcast broadcast, RoomPosition expected, int size, Duration ttl);

    /**
     * Reads a room's recorded broadcasts after a position.
     *
     * @param room  the room
     * @param since the last position already seen
     * @return the broadcasts after it that are still kept, and where the room stands
     * @throws IllegalStateException when the engine cannot answer in time
     */
    Range read(String room, RoomPosition since);

    /**
     * What {@link #record} did: one of
     * <ul>
     *   <li>recorded: {@code published}, with the {@code position} it got;</li>
     *   <li>published without a position, the room keeping no history (only when {@code expected} was {@code null}):
     *       {@code published}, no position;</li>
     *   <li>built for another position: not published, {@code next} is the position to build it for again;</li>
     *   <li>built for a position, but the room keeps no history: not published, neither position; build it again
     *       without one and record it with {@code expected == null}.</li>
     * </ul>
     *
     * @param published whether the broadcast went to the nodes
     * @param position  the position it got, or {@code null}
     * @param next      the position to build it for again, or {@code null}
     */
    record Recorded(boolean published, RoomPosition position, RoomPosition next) {}

    /**
     * A room's recorded broadcasts after a position.
     *
     * @param latest      the room's latest position, or {@code null} if the room keeps no history
     * @param firstKept   the offset of the oldest broadcast still kept (the latest offset plus one when none is)
     * @param broadcasts  the broadcasts after the position asked for, with their positions, oldest first; empty when
     *                    the position is of another epoch
     */
    record Range(RoomPosition latest, long firstKept, List<ClusterBroadcast> broadcasts) {

        /**
         * Checks the parts.
         *
         * @param latest     the latest position
         * @param firstKept  the oldest offset kept
         * @param broadcasts the broadcasts
         */
        public Range {
            broadcasts = List.copyOf(Objects.requireNonNull(broadcasts, "broadcasts"));
        }
    }
}
