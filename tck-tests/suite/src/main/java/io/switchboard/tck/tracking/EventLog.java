package io.switchboard.tck.tracking;

import io.switchboard.SessionClosed;
import io.switchboard.SessionOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records Switchboard's lifecycle events, for {@link TrackingProbe}. */
@ApplicationScoped
public class EventLog {

    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();

    void opened(@Observes SessionOpened event) {
        events.add("opened " + event.session().endpointId() + " " + event.session().state());
    }

    void closed(@Observes SessionClosed event) {
        events.add("closed " + event.session().endpointId() + " " + event.closeCode() + " " + event.category().tag()
                + " " + event.session().state() + " " + (event.duration().isNegative() ? "negative" : "duration")
                + (event.reason().isEmpty() ? "" : " " + event.reason()));
    }

    List<String> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }
}
