package io.switchboard;

import jakarta.websocket.Session;

import java.util.Set;
import java.util.concurrent.CompletionStage;
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
 *     rooms.broadcast("lobby", text);
 * }
 * }</pre>
 *
 * <p>A broadcast never blocks on a peer: the message is encoded once, put into each member's bounded send queue
 * ({@link SendQueue}) and written asynchronously. Messages one thread sends reach each session in the order
 * sent. The returned stage completes, on whichever thread finished the last delivery, when every member has
 * received or lost the message; use its {@code *Async} methods for anything slow.
 *
 * <p>Messages: a {@code String} goes as text, a {@code ByteBuffer} (its remaining bytes; not consumed) or
 * {@code byte[]} as binary, anything else through an encoder of each member's endpoint ({@code encoders} of its
 * {@code @ServerEndpoint}). Only sessions of tracked endpoints can be members. Switchboard provides the
 * {@code @ApplicationScoped} bean.
 */
public interface RoomService {

    /**
     * Adds a session to a room, creating the room if it has no members yet.
     *
     * @param session a session of a tracked endpoint
     * @param room    the room's name
     * @return whether the session was not a member yet
     * @throws IllegalArgumentException if the session is not open on a tracked endpoint
     */
    boolean join(Session session, String room);

    /**
     * Removes a session from a room; the room ends with its last member.
     *
     * @param session the session
     * @param room    the room's name
     * @return whether the session was a member
     */
    boolean leave(Session session, String room);

    /**
     * Removes a session from every room it is in.
     *
     * @param session the session
     * @return the rooms it left
     */
    Set<String> leaveAll(Session session);

    /**
     * The members of a room now.
     *
     * @param room the room's name
     * @return a snapshot; empty for a room that does not exist
     */
    Set<SessionInfo> members(String room);

    /**
     * The rooms a session is in now.
     *
     * @param session the session
     * @return a snapshot
     */
    Set<String> roomsOf(Session session);

    /** The rooms that exist now (each has at least one member); a snapshot. */
    Set<String> rooms();

    /**
     * Sends a message to every member of a room.
     *
     * @param room    the room's name
     * @param message text, binary or an object for the members' encoders
     * @return the stage of the delivery report; a room without members reports no recipients
     */
    CompletionStage<DeliveryReport> broadcast(String room, Object message);

    /**
     * Sends a message to every member of a room but one, typically the sender.
     *
     * @param room     the room's name
     * @param message  text, binary or an object for the members' encoders
     * @param excluded the session that does not receive it
     * @return the stage of the delivery report
     */
    CompletionStage<DeliveryReport> broadcast(String room, Object message, Session excluded);

    /**
     * Runs code with the {@link RoomScoped} context of a room active, from any thread: a scheduled task that
     * updates a room's state, or a callback of a session in several rooms.
     *
     * @param room the room's name; it need not exist (beans created for a room without members are destroyed
     *             when the code returns)
     * @param work the code
     * @param <T>  what it returns
     * @return what the code returned
     */
    <T> T inRoom(String room, Supplier<T> work);
}
