package io.switchboard.client.runtime;

/**
 * Decides, from the time it is given, whether an open link is alive: when to ping, whether a pong is overdue (a
 * half-open socket, where writes still succeed and nothing comes back), and whether a write is stuck (a peer that
 * stopped reading). Holds the times; the client acts on the verdict. Guarded by the client.
 */
final class LinkWatch {

    /** What to do now. */
    enum Verdict {
        /** Nothing. */
        FINE,
        /** Send a ping. */
        PING,
        /** The pong is overdue: the link is dead. */
        NO_PONG,
        /** The write in flight has taken longer than the send timeout. */
        WRITE_STUCK
    }

    private final long intervalNanos;
    private final long pongTimeoutNanos;
    private final long sendTimeoutNanos;
    private long lastPingAt;
    // Flags, not a -1 sentinel: System.nanoTime() has an arbitrary origin and may be negative.
    private boolean pingOutstanding;
    private long pingSentAt;
    private boolean writing;
    private long writeStartedAt;

    /**
     * @param intervalNanos    the heartbeat interval, 0 for none
     * @param pongTimeoutNanos how long a pong may take
     * @param sendTimeoutNanos how long a write may take
     * @param openedAt         when the link opened
     */
    LinkWatch(long intervalNanos, long pongTimeoutNanos, long sendTimeoutNanos, long openedAt) {
        this.intervalNanos = intervalNanos;
        this.pongTimeoutNanos = pongTimeoutNanos;
        this.sendTimeoutNanos = sendTimeoutNanos;
        this.lastPingAt = openedAt;
    }

    Verdict verdict(long now) {
        if (writing && now - writeStartedAt > sendTimeoutNanos) {
            return Verdict.WRITE_STUCK;
        }
        if (pingOutstanding) {
            return now - pingSentAt > pongTimeoutNanos ? Verdict.NO_PONG : Verdict.FINE;
        }
        return intervalNanos > 0 && now - lastPingAt >= intervalNanos ? Verdict.PING : Verdict.FINE;
    }

    void pinged(long now) {
        pingOutstanding = true;
        pingSentAt = now;
        lastPingAt = now;
    }

    /** The container refused the ping (busy with a write): no pong is awaited, and the next tick pings again. */
    void pingRefused() {
        pingOutstanding = false;
        lastPingAt -= intervalNanos;
    }

    /**
     * A pong arrived.
     *
     * @return the round trip in nanoseconds, or -1 for an unsolicited pong
     */
    long ponged(long now) {
        if (!pingOutstanding) {
            return -1;
        }
        pingOutstanding = false;
        long rtt = now - pingSentAt;
        return rtt;
    }

    void writeStarted(long now) {
        writing = true;
        writeStartedAt = now;
    }

    void writeEnded() {
        writing = false;
    }
}
