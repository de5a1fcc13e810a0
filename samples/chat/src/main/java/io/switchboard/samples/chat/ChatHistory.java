package io.switchboard.samples.chat;

import io.switchboard.RoomScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@value #SIZE} messages of one room. Members of a room run concurrently: access is synchronized. */
@RoomScoped
public class ChatHistory {

    static final int SIZE = 20;

    private final Deque<String> recent = new ArrayDeque<>();

    synchronized void add(String line) {
        if (recent.size() == SIZE) {
            recent.removeFirst();
        }
        recent.addLast(line);
    }

    synchronized List<String> recent() {
        return List.copyOf(recent);
    }
}
