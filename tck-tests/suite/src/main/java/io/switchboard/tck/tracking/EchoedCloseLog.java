package io.switchboard.tck.tracking;

import io.switchboard.SessionClosed;
import io.switchboard.tck.probe.LineLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The endings of {@link QuietEndpoint}'s sessions in the rooms whose names start with {@value #ROOM}, for
 * {@link TrackingProbe}: the echoed-close scenario's own sessions (a room per round), apart from any other session
 * that ends meanwhile. One line each: room, code, reason.
 */
@ApplicationScoped
public class EchoedCloseLog extends LineLog {

    /** The start of the rooms the echoed-close scenario's sessions join. */
    public static final String ROOM = "echo-";

    void closed(@Observes SessionClosed event) {
        String room = event.session().pathParameters().get("room");
        if (event.session().endpointId().equals("QuietEndpoint") && room != null && room.startsWith(ROOM)) {
            add(room + " " + event.closeCode() + " " + event.reason());
        }
    }
}
