package io.switchboard.tck.spelling;

import java.util.concurrent.atomic.AtomicInteger;

/** How often each kind of endpoint's own code ran: a guarded one must never run for a refused handshake. */
final class SpellingLog {

    static final AtomicInteger GUARDED_OPENS = new AtomicInteger();
    static final AtomicInteger OPEN_OPENS = new AtomicInteger();

    private SpellingLog() {}
}
