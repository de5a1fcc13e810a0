package io.switchboard;

import jakarta.websocket.Session;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Named groups of sessions and sending to them. A room exists while it has members; rooms belong to the
 * deployment and may hold sessions of several endpoints. Inject it:
 *
 * <pre>{@code
 * @Inject RoomService rooms;
 *
 * @OnMessage
 * public void onText(String text, Session session) {
 *     rooms.broadcastExcept("lobby", text, session);   // to everyone in the lobby but the sender
 * }
 * }</pre>
 *
 * <p>A broadcast never blocks on a peer: the message is encoded once per endpoint among the members, put into
 * each member's bounded send queue ({@link SendQueue}) and written asynchronously. Messages one thread sends
 * reach each session in the order sent.
 *
 * <p>Threads: every method runs on the calling thread, from any thread, and returns without waiting for a peer.
 * A broadcast does its queueing on the calling thread and starts the writes of members whose queue was idle: on
 * the calling thread for fewer than 64 of them, else split between the calling thread and Switchboard's fan-out
 * threads (one fewer than the cores). Each write then goes on on the container's I/O threads. The returned stage
 * completes on whichever thread finished the last delivery (usually a container I/O thread; the calling thread
 * when nothing was queued); use its {@code *Async} methods for anything slow. {@link RoomJoined} and
 * {@link RoomLeft} observers, and the {@code @PreDestroy} of a room's {@link RoomScoped} beans when it empties,
 * run on the thread that joined or left.
 *
 * <p>Messages: a {@code String} goes as text, a {@code ByteBuffer} (its remaining bytes; not consumed) or
 * {@code byte[]} as binary, anything else through an encoder of each member's endpoint ({@code encoders} of its
 * {@code @ServerEndpoint}). Only sessions of tracked endpoints can be members; a session is named either by the
 * container's {@link Session} or by the {@link SessionInfo} that {@link OpenSessions} and {@link #members} hand
 * out. Switchboard provides the {@code @ApplicationScoped} bean.
 *
 * <p>Clusters: with a backplane ({@code switchboard.backplane}), a room spans the nodes. {@code broadcast} and
 * {@code broadcastExcept} publish the message once for the other nodes, then deliver to this node's members; the others
 * deliver it to theirs (the report counts this node's members and says whether it was {@linkplain
 * DeliveryReport#published() published}); a message larger than {@code switchboard.backplane.max-payload} throws
 * {@link IllegalArgumentException} before anyone receives it. {@link #members}, {@link #rooms}, {@link #roomsOf} and
 * {@link #inRoom} stay on this node; {@link #clusterMembers} and {@link #clusterRooms} answer for every node.
 *
 * <p>History: a room joined by a session of an endpoint with {@link RoomHistory} keeps its recent broadcasts, each
 * with a {@link RoomPosition}. A session that joins naming a position (its handshake's {@link
 * RoomPosition#QUERY_PARAMETER}, or {@link #join(Session, String, RoomPosition)}) gets every later broadcast
 * replayed into its send queue before any live one; {@link #recovery} tells the endpoint whether that worked, and
 * {@link #history} reads history for applications that replay themselves.
 *
 * <p>Transactions: {@link #afterCommit()} is this service with its broadcasts held until the current JTA transaction
 * commits and dropped if it rolls back, so a client never sees a message about data the database does not have:
 *
 * <pre>{@code
 * @Transactional
 * public void say(String room, String text) {
 *     Message saved = messages.save(room, text);                  // JPA
 *     rooms.afterCommit().broadcast(room, json(saved));            // sent once the row is committed
 * }
 * }</pre>
 */
public interface RoomService {

    /**
     * Adds a session to a room, creating the room if it has no members yet. O(1); fires {@link RoomJoined} on
     * the calling thread.
     *
     * @param session a session of a tracked endpoint
     * @param room    the room's name
     * @return whether the session was not a member yet
     * @throws IllegalArgumentException if the session is not open on a tracked endpoint
     */
    boolean join(Session session, String room);

    /**
     * Adds a session to a room, creating the room if it has no members yet. O(1); fires {@link RoomJoined} on
     * the calling thread.
     *
     * @param session a session of a tracked endpoint, as {@link OpenSessions} lists it
     * @param room    the room's name
     * @return whether the session was not a member yet; {@code false} for a session that closed since it was listed
     * @throws IllegalArgumentException if Switchboard does not track the session
     */
    boolean join(SessionInfo session, String room);

    /**
     * Adds a session to a room with history and replays every broadcast after a position into its send queue, ahead
     * of any live broadcast, with no gap and no duplicate: for clients that name their positions in messages rather
     * than in the handshake. O(members of the room) for the replay; fires {@link RoomJoined}.
     *
     * @param session a session of a tracked endpoint
     * @param room    the room's name
     * @param since   the last position the client saw, or {@code null} to join without a replay
     * @return what was replayed, also readable later through {@link #recovery}; a session that was a member already
     *     gets {@code NOT_ASKED} and no replay
     * @throws IllegalArgumentException if the session is not open on a tracked endpoint
     */
    RoomRecovery join(Session session, String room, RoomPosition since);

    /**
     * What became of a session's latest join of a room: whether it resumed from a position and what was replayed.
     * For the room of {@link Room}, the join happened before {@code @OnOpen}. O(1).
     *
     * @param session the session
     * @param room    the room's name
     * @return the recovery; empty if the session is not a member or the room keeps no history
     */
    Optional<RoomRecovery> recovery(Session session, String room);

    /**
     * Reads a room's history after a position, for applications that replay themselves or build a fresh state.
     * O(messages kept) on a single node; one round trip to the backplane where it keeps history.
     *
     * @param room  the room's name
     * @param since the last position already seen, or {@code null} for everything kept
     * @return completes with the broadcasts after it; empty and not complete for a room that keeps no history
     */
    CompletionStage<RecordedMessages> history(String room, RoomPosition since);

    /**
     * Removes a session from a room; the room ends with its last member. O(1); fires {@link RoomLeft}, and
     * destroys the room's {@link RoomScoped} beans if it emptied, on the calling thread.
     *
     * @param session the session
     * @param room    the room's name
     * @return whether the session was a member
     */
    boolean leave(Session session, String room);

    /**
     * Removes a session from a room; the room ends with its last member. O(1); fires {@link RoomLeft}, and
     * destroys the room's {@link RoomScoped} beans if it emptied, on the calling thread.
     *
     * @param session the session, as {@link OpenSessions} lists it
     * @param room    the room's name
     * @return whether the session was a member
     */
    boolean leave(SessionInfo session, String room);

    /**
     * Removes a session from every room it is in, as {@link #leave(Session, String)} does for each.
     * O(rooms of the session).
     *
     * @param session the session
     * @return the rooms it left
     */
    Set<String> leaveAll(Session session);

    /**
     * Removes a session from every room it is in, as {@link #leave(SessionInfo, String)} does for each.
     * O(rooms of the session).
     *
     * @param session the session, as {@link OpenSessions} lists it
     * @return the rooms it left
     */
    Set<String> leaveAll(SessionInfo session);

    /**
     * The members of a room now. O(members): a copy.
     *
     * @param room the room's name
     * @return a snapshot; empty for a room that does not exist
     */
    Set<SessionInfo> members(String room);

    /**
     * The rooms a session is in now. O(rooms of the session): a copy.
     *
     * @param session the session
     * @return a snapshot; empty for a session that is not open on a tracked endpoint
     */
    Set<String> roomsOf(Session session);

    /**
     * The rooms a session is in now. O(rooms of the session): a copy.
     *
     * @param session the session, as {@link OpenSessions} lists it
     * @return a snapshot; empty for a session that is no longer open
     */
    Set<String> roomsOf(SessionInfo session);

    /**
     * The rooms that exist now (each has at least one member). O(rooms): a copy.
     *
     * @return a snapshot
     */
    Set<String> rooms();

    /**
     * The members of a room on every node of the cluster. With a backplane ({@code switchboard.backplane}) this asks
     * it (one round trip to its engine, off the calling thread); on a single node it completes at once with this
     * node's members.
     *
     * @param room the room's name
     * @return completes with a snapshot, or exceptionally when the backplane cannot answer in time
     */
    CompletionStage<Set<ClusterMember>> clusterMembers(String room);

    /**
     * The rooms with members on any node of the cluster. Costs as {@link #clusterMembers}.
     *
     * @return completes with a snapshot, or exceptionally when the backplane cannot answer in time
     */
    CompletionStage<Set<String>> clusterRooms();

    /**
     * Sends a message to every member of a room. Returns at once: encodes once per endpoint among the members
     * and queues for each member on the calling thread (O(members)); delivery happens on the container's I/O
     * threads (see the class's description for who starts the writes and where the stage completes).
     *
     * @param room    the room's name
     * @param message text, binary or an object for the members' encoders
     * @return the stage of the delivery report; a room without members reports no recipients, completed at once
     */
    CompletionStage<DeliveryReport> broadcast(String room, Object message);

    /**
     * Sends a message to every member of a room except one, typically the sender. Costs and threads as
     * {@link #broadcast(String, Object)}.
     *
     * @param room     the room's name
     * @param message  text, binary or an object for the members' encoders
     * @param excluded the session that does not receive it; it need not be a member
     * @return the stage of the delivery report, which does not count the excluded session
     */
    CompletionStage<DeliveryReport> broadcastExcept(String room, Object message, Session excluded);

    /**
     * Sends a message to every member of a room except one. Costs and threads as
     * {@link #broadcast(String, Object)}.
     *
     * @param room     the room's name
     * @param message  text, binary or an object for the members' encoders
     * @param excluded the session that does not receive it, as {@link OpenSessions} or {@link #members} list it;
     *                 it need not be a member
     * @return the stage of the delivery report, which does not count the excluded session
     */
    CompletionStage<DeliveryReport> broadcastExcept(String room, Object message, SessionInfo excluded);

    /**
     * Sends a message that carries its own position in the room's history to every member of a room: the message is
     * made from the position the broadcast gets, so a client can keep it and resume from it. Costs and threads as
     * {@link #broadcast(String, Object)}, plus the call of {@code message}, which runs on the calling thread while
     * the room's other broadcasts wait: keep it short (build a string).
     *
     * <pre>{@code
     * rooms.broadcastWithPosition(room, position -> json("said", position.toString(), text));
     * }</pre>
     *
     * <p>In a cluster whose backplane keeps history the function may be called more than once for one broadcast
     * (another node took the position first; the last message it made is the one sent), and with {@code null} when
     * the position could not be had (the backplane unreachable, or losing it for 2 s): keep it free of effects, or
     * make a later call replace what an earlier one did.
     *
     * @param room    the room's name
     * @param message makes the message (text, binary or an object for the members' encoders) from its position;
     *                given {@code null} for a room that keeps no history
     * @return the stage of the delivery report, with the position
     */
    CompletionStage<DeliveryReport> broadcastWithPosition(String room, Function<RoomPosition, ?> message);

    /**
     * This service with its broadcasts following the current JTA transaction. Each {@code broadcast},
     * {@code broadcastExcept} and {@code broadcastWithPosition} of the view made while a transaction is active is held,
     * costing one small entry per send and nothing else, and made as on this service once the transaction has
     * committed: on the committing thread, in the order the calls were made, with the message given (encoded then; a
     * {@code ByteBuffer}'s position and limit as they were at the call, its bytes as they are then) to the room's
     * members at that moment. If the transaction rolls back, nothing is sent. The returned stage completes as this
     * service's would once the send is made, or exceptionally:
     *
     * <ul>
     *   <li>with a {@link java.util.concurrent.CancellationException} whose message is {@code "transaction rolled
     *       back"} when the transaction rolls back (a timeout included), or at once when it is already marked for
     *       rollback; {@code toCompletableFuture().isCancelled()} is then {@code true};</li>
     *   <li>with what the send threw after the commit (for example the {@link IllegalArgumentException} of a message
     *       over the backplane's limit), which is also logged at WARNING.</li>
     * </ul>
     *
     * <p>Outside a transaction, and while one completes after its commit (a {@code TransactionPhase.AFTER_SUCCESS}
     * observer), the view sends at once, as this service does. So does it on a server without JTA, which Switchboard
     * logs once at INFO when a view first sends. While a transaction is being prepared or committed (status
     * {@code PREPARING}, {@code PREPARED}, {@code COMMITTING} or {@code UNKNOWN}) its sends throw
     * {@link IllegalStateException}: it is too late to wait for the outcome and too early to know it. The transaction
     * is the server's, found at {@code java:comp/TransactionSynchronizationRegistry}.
     *
     * <p>The view's other methods (joins, leaves, members, rooms, history, {@code inRoom}) are this service's: they
     * act at once. Its own {@code afterCommit()} returns itself. O(1); the view is made once.
     *
     * @return the view; cheap to call on every send
     */
    RoomService afterCommit();

    /**
     * Runs code with the {@link RoomScoped} context of a room active, on the calling thread, from any thread: a
     * scheduled task that updates a room's state, or a callback of a session in several rooms. Returns when the
     * code does.
     *
     * @param room the room's name; it need not exist (beans created for a room without members are destroyed
     *             when the code returns)
     * @param work the code
     * @param <T>  what it returns
     * @return what the code returned
     */
    <T> T inRoom(String room, Supplier<T> work);
}
