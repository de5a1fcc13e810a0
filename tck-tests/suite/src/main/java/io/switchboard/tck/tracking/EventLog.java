package io.switchboard.tck.tracking;

import io.switchboard.SessionClosed;
import io.switchboard.SessionOpened;
import io.switchboard.tck.probe.LineLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Records Switchboard's lifecycle events, for {@link TrackingProbe}. */
@ApplicationScoped
public class EventLog extends LineLog {

    void opened(@Observes SessionOpened event) {
        add("opened " + event.session().endpointId() + " " + event.session().state());
    }

    void closed(@Observes SessionClosed event) {
        add("closed " + event.session().endpointId() + " " + event.closeCode() + " "
                + event.category().tag()
                + " " + event.session().state() + " " + (event.duration().isNegative() ? "negative" : "duration")
                + (event.reason().isEmpty() ? "" : " " + event.reason()));
    }
}
