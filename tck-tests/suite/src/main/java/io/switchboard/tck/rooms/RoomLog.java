package io.switchboard.tck.rooms;

import io.switchboard.RoomJoined;
import io.switchboard.RoomLeft;
import io.switchboard.SessionClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records room events and the ends of room-scoped beans, for {@link RoomProbe}. */
@ApplicationScoped
public class RoomLog {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    void joined(@Observes RoomJoined event) {
        if (event.session().endpointId().equals("RoomChatEndpoint")) {
            lines.add("joined " + event.room());
        }
    }

    void left(@Observes RoomLeft event) {
        if (event.session().endpointId().equals("RoomChatEndpoint")) {
            lines.add("left " + event.room());
        }
    }

    void closed(@Observes SessionClosed event) {
        if (!event.session().endpointId().equals("RoomChatEndpoint")) {
            lines.add("closed " + event.session().endpointId() + " " + event.closeCode() + " "
                    + event.category().tag() + " " + event.reason());
        }
    }

    void add(String line) {
        lines.add(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    void clear() {
        lines.clear();
    }
}
