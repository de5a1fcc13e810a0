package io.switchboard.bench.server;

import io.switchboard.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.LongAdder;

/** Counts Switchboard's {@link RateLimited} events: the messages a {@code DROP} rate limit discarded. */
@ApplicationScoped
public class RateLimitedCounter {

    /** Events so far. */
    static final LongAdder COUNT = new LongAdder();

    void limited(@Observes RateLimited event) {
        COUNT.increment();
    }
}
