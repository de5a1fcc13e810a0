package io.switchboard.tck.tracking;

import io.switchboard.RoomLeft;
import io.switchboard.SessionClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Adds Switchboard's events about {@link SlowCloseEndpoint}'s sessions to its record of their endings. */
@ApplicationScoped
public class EndingLog {

    void closed(@Observes SessionClosed event) {
        if (event.session().endpointClass() == SlowCloseEndpoint.class) {
            SlowCloseEndpoint.ENDINGS.add(
                    "closed " + event.closeCode() + " " + event.category().tag());
        }
    }

    void left(@Observes RoomLeft event) {
        if (event.session().endpointClass() == SlowCloseEndpoint.class) {
            SlowCloseEndpoint.ENDINGS.add("left " + event.room());
        }
    }
}
