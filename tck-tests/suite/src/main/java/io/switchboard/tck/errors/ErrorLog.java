package io.switchboard.tck.errors;

import io.switchboard.SessionClosed;
import io.switchboard.SessionError;
import io.switchboard.tck.probe.LineLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Records errors and ends, for {@link ErrorProbe}. */
@ApplicationScoped
public class ErrorLog extends LineLog {

    void error(@Observes SessionError event) {
        add(event.session().endpointId() + " " + event.category().tag() + " "
                + event.error().getClass().getSimpleName());
    }

    void closed(@Observes SessionClosed event) {
        add("closed " + event.session().endpointId() + " " + event.closeCode() + " "
                + event.category().tag());
    }
}
