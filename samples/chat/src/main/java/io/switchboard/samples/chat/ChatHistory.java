package io.switchboard.samples.chat;

import io.switchboard.RoomScoped;
import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #CAPACITY} {@code said} messages of one room: {@code @RoomScoped}, so one instance per room, gone
 * with the room's last member. Members of a room run concurrently: access is synchronized.
 */
@RoomScoped
public class ChatHistory {

    /** How many messages a room keeps. */
    static final int CAPACITY = 50;

    private final int capacity;

    // guarded by this
    private final Deque<JsonObject> messages = new ArrayDeque<>();

    /** A history of {@value #CAPACITY} messages; the constructor CDI uses. */
    public ChatHistory() {
        this(CAPACITY);
    }

    ChatHistory(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps a message, forgetting the oldest when full. */
    synchronized void add(JsonObject message) {
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    /** The messages kept, oldest first. */
    synchronized List<JsonObject> messages() {
        return List.copyOf(messages);
    }
}
