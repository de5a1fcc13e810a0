package io.switchboard.tck.limits;

import io.switchboard.SessionClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records how sessions ended, for {@link LimitsProbe}. */
@ApplicationScoped
public class ClosedLog {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    void closed(@Observes SessionClosed event) {
        lines.add(event.session().endpointId() + " " + event.closeCode() + " " + event.category().tag());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    void clear() {
        lines.clear();
    }
}
