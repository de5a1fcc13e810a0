package io.switchboard.tck.security;

import java.util.concurrent.atomic.AtomicInteger;

/** How often the protected endpoints' own code ran: a refused handshake must never get that far. */
final class SecurityLog {

    static final AtomicInteger OPENED = new AtomicInteger();

    private SecurityLog() {}
}
