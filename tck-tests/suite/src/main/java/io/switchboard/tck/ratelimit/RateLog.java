package io.switchboard.tck.ratelimit;

import io.switchboard.RateLimited;
import io.switchboard.SessionClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records dropped messages and ends, for {@link RateProbe}. */
@ApplicationScoped
public class RateLog {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    void limited(@Observes RateLimited event) {
        lines.add("limited " + event.session().endpointId() + " " + event.scope());
    }

    void closed(@Observes SessionClosed event) {
        lines.add("closed " + event.session().endpointId() + " " + event.closeCode() + " " + event.category().tag());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    void clear() {
        lines.clear();
    }
}
