package io.switchboard.tck.ratelimit;

import io.switchboard.RateLimited;
import io.switchboard.SessionClosed;
import io.switchboard.tck.probe.LineLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Records dropped messages and ends, for {@link RateProbe}. */
@ApplicationScoped
public class RateLog extends LineLog {

    void limited(@Observes RateLimited event) {
        add("limited " + event.session().endpointId() + " " + event.scope());
    }

    void closed(@Observes SessionClosed event) {
        add("closed " + event.session().endpointId() + " " + event.closeCode() + " "
                + event.category().tag());
    }
}
