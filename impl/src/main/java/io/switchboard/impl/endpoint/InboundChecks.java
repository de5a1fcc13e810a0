package io.switchboard.impl.endpoint;

import io.switchboard.impl.limit.RateLimitSettings;
import io.switchboard.impl.limit.SessionLimiter;

/**
 * What one session's inbound messages pass before anything else sees them: its rate limits, then its size limit.
 * Holds the state that spans the parts of a partial message. Called on the container's thread for the session, one
 * message at a time, so the state needs no locking; nothing is allocated per message.
 */
final class InboundChecks {

    /** What to do with a message or part. */
    enum Verdict {
        /** Let it through. */
        PASS,
        /** Drop it: a rate limit with the drop policy ({@link #exceeded()} says which). */
        DROP,
        /** Close the session: a rate limit with the close policy. */
        CLOSE_RATE_LIMITED,
        /** Close the session: the message is over its size limit. */
        CLOSE_TOO_BIG
    }

    private SessionLimiter limiter = SessionLimiter.NONE;
    /** Whether a partial message is under way (its later parts take no message token). */
    private boolean midMessage;
    /** Whether the message under way is being dropped by a rate limit (its later parts go too). */
    private boolean droppingMessage;
    /** The bytes of the partial message under way so far. */
    private long partialSize;

    private RateLimitSettings exceeded;

    void limiter(SessionLimiter limiter) {
        this.limiter = limiter;
    }

    /** The limit that refused the last message, after {@link Verdict#DROP}. */
    RateLimitSettings exceeded() {
        return exceeded;
    }

    /**
     * Checks a text or binary message or part.
     *
     * @param size    the message's or part's size ({@link MessageSizes#of}), negative where not known here
     * @param last    whether it ends its message
     * @param max     the size limit in bytes, 0 for none
     * @return the verdict
     */
    Verdict check(long size, boolean last, long max) {
        Verdict rate = rate(size, last);
        if (rate != Verdict.PASS) {
            return rate;
        }
        return max > 0 && exceedsSize(size, last, max) ? Verdict.CLOSE_TOO_BIG : Verdict.PASS;
    }

    private Verdict rate(long size, boolean last) {
        if (limiter == SessionLimiter.NONE) {
            return Verdict.PASS;
        }
        boolean first = !midMessage;
        midMessage = !last;
        if (!first && droppingMessage) {
            droppingMessage = !last;
            return Verdict.DROP;
        }
        RateLimitSettings refused = limiter.admit(first, size);
        if (refused == null) {
            droppingMessage = false;
            return Verdict.PASS;
        }
        if (refused.policy() == io.switchboard.RateLimit.Policy.CLOSE) {
            return Verdict.CLOSE_RATE_LIMITED;
        }
        if (!first) {
            return Verdict.PASS; // the start went to the endpoint already: a message is dropped whole or not at all
        }
        droppingMessage = !last;
        exceeded = refused;
        return Verdict.DROP;
    }

    /**
     * The container enforces {@code @OnMessage(maxMessageSize)} only for annotated endpoints (Tyrus ignores the
     * buffer size for a programmatic handler's whole messages), so the bridge checks it, counting the parts of a
     * partial message together. Streamed messages (size unknown here) are limited as they are read.
     */
    private boolean exceedsSize(long size, boolean last, long max) {
        if (size < 0) {
            return false;
        }
        partialSize += size;
        boolean exceeded = partialSize > max;
        if (last) {
            partialSize = 0;
        }
        return exceeded;
    }
}
