package io.switchboard.samples.chat;

import io.switchboard.RoomPosition;
import io.switchboard.RoomScoped;
import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #CAPACITY} {@code said} messages of one room, each with its position (its {@code id}):
 * {@code @RoomScoped}, so one instance per room, gone with the room's last member. Members of a room run
 * concurrently: access is synchronized.
 *
 * <p>This is the snapshot a member that did not resume gets ({@code history}); Switchboard's own room history
 * ({@code @RoomHistory} on the endpoint) is what a member that resumes gets replayed from.
 */
@RoomScoped
public class ChatHistory {

    /** How many messages a room keeps. */
    static final int CAPACITY = 50;

    /** A message and its position ({@code null} where the room keeps no history), and the broadcast it came from. */
    private record Kept(Object broadcast, RoomPosition position, JsonObject message) {}

    private final int capacity;

    // guarded by this
    private final Deque<Kept> messages = new ArrayDeque<>();

    /** A history of {@value #CAPACITY} messages; the constructor CDI uses. */
    public ChatHistory() {
        this(CAPACITY);
    }

    ChatHistory(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Keeps a message, forgetting the oldest when full. A broadcast's message may be made more than once (in a
     * cluster, when another node took the position first): a later one replaces what the same broadcast kept.
     *
     * @param broadcast what identifies the broadcast the message is made for
     * @param position  its position, or {@code null} where the room keeps no history
     * @param message   the {@code said} message, which carries the position as its {@code id}
     */
    synchronized void add(Object broadcast, RoomPosition position, JsonObject message) {
        messages.removeIf(kept -> kept.broadcast() == broadcast);
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(new Kept(broadcast, position, message));
    }

    /** The messages kept, oldest first. */
    synchronized List<JsonObject> messages() {
        return messages.stream().map(Kept::message).toList();
    }

    /**
     * The messages kept up to a position, oldest first: those of its epoch past its offset reach a member that
     * joined at that position live, so a snapshot leaves them out. Messages of another epoch (history lost since:
     * they are older) and without a position stay in.
     *
     * @param latest the room's position when the member joined, or {@code null} for every message kept
     * @return the messages
     */
    synchronized List<JsonObject> messagesUpTo(RoomPosition latest) {
        return messages.stream()
                .filter(kept -> latest == null
                        || kept.position() == null
                        || !kept.position().epoch().equals(latest.epoch())
                        || kept.position().offset() <= latest.offset())
                .map(Kept::message)
                .toList();
    }
}
