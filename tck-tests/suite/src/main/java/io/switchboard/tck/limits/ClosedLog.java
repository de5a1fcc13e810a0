package io.switchboard.tck.limits;

import io.switchboard.SessionClosed;
import io.switchboard.tck.probe.LineLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Records how sessions ended, for {@link LimitsProbe}. */
@ApplicationScoped
public class ClosedLog extends LineLog {

    void closed(@Observes SessionClosed event) {
        add(event.session().endpointId() + " " + event.closeCode() + " "
                + event.category().tag());
    }
}
