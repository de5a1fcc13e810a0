package io.switchboard.tck.errors;

import io.switchboard.SessionClosed;
import io.switchboard.SessionError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records errors and ends, for {@link ErrorProbe}. */
@ApplicationScoped
public class ErrorLog {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    void error(@Observes SessionError event) {
        lines.add(event.session().endpointId() + " " + event.category().tag() + " "
                + event.error().getClass().getSimpleName());
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
