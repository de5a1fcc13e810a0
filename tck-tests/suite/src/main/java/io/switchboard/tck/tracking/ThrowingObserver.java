package io.switchboard.tck.tracking;

import io.switchboard.SessionClosed;
import io.switchboard.SessionOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** An application observer that fails for sessions whose path contains {@code boom}. */
@ApplicationScoped
public class ThrowingObserver {

    void opened(@Observes SessionOpened event) {
        if (event.session().requestPath().contains("boom")) {
            throw new IllegalStateException("observer failed on open");
        }
    }

    void closed(@Observes SessionClosed event) {
        if (event.session().requestPath().contains("boom")) {
            throw new IllegalStateException("observer failed on close");
        }
    }
}
