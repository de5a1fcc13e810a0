package io.switchboard.backplane.redis.nodes;

import io.switchboard.RemoteRoomJoined;
import io.switchboard.RemoteRoomLeft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** The remote presence events this node saw, in order, as {@code +room/session} and {@code -room/session}. */
@ApplicationScoped
public class PresenceLog {

    private final List<String> seen = new ArrayList<>();

    void joined(@Observes RemoteRoomJoined event) {
        record("+" + event.room() + "/" + event.member().sessionId());
    }

    void left(@Observes RemoteRoomLeft event) {
        record("-" + event.room() + "/" + event.member().sessionId());
    }

    private synchronized void record(String entry) {
        seen.add(entry);
    }

    synchronized String seen() {
        return String.join(",", seen);
    }
}
