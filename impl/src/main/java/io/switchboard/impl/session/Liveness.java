package io.switchboard.impl.session;

import io.switchboard.impl.config.LivenessSettings;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One session's clock of life: when the peer last sent a message or a pong, the ping in flight, the last round
 * trip, and the deadlines (idle, heartbeat, send, credentials, close grace) the sweeper holds it to. Written by the
 * session's container thread, read by the sweeper; an inbound message costs one clock read and one volatile write.
 * <p>
 * Deadlines come in two kinds. The send timeout, the credentials' expiry and the close grace hold whatever the
 * endpoint's code is doing: a peer that sends the first fragment of a streamed message and then nothing keeps the
 * endpoint blocked in its read for as long as it likes, and must not keep its session past them. The idle and
 * heartbeat checks wait while a callback runs: a slow {@code @OnMessage} holds the container's reading (and so the
 * pong) back, which is not a dead peer.
 */
final class Liveness {

    /** How long a close Switchboard started may wait for the container's confirmation before it is forced. */
    static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** What one sweep decides for an open session. */
    enum Verdict {
        /** Nothing to do. */
        NONE,
        /** Send a heartbeat ping (it is recorded as sent). */
        PING,
        /** A write has taken longer than the send timeout. */
        SEND_TIMEOUT,
        /** The peer's credentials have expired. */
        CREDENTIALS_EXPIRED,
        /** No message (or pong, if pongs count) for the idle timeout. */
        IDLE_TIMEOUT,
        /** The last ping went unanswered for the heartbeat timeout. */
        HEARTBEAT_TIMEOUT
    }

    private final long openedAtNanos;
    private final long heartbeatIntervalNanos;
    private final long heartbeatTimeoutNanos;
    private final long idleTimeoutNanos;
    private final boolean pongsCount;
    private final long sendTimeoutNanos;
    /** When the peer's token expires, on the {@code nanoTime} clock; 0 for never. */
    private final long credentialsExpireNanos;

    // Inbound activity, kept as two stamps so a message costs one volatile write: any inbound traffic is the
    // later of the two; the idle timeout reads messages only, unless pongs count.
    private volatile long lastMessageNanos;
    private volatile long lastPongNanos;
    private volatile long pingSentNanos;
    private volatile long roundTripNanos = -1;
    /** A timeout has been acted on: the session is being closed for it, and no other is reported. */
    private volatile boolean timedOut;

    Liveness(
            LivenessSettings settings,
            long sendTimeoutNanos,
            long openedAtNanos,
            long openedAtMillis,
            long credentialsExpireMillis) {
        this.openedAtNanos = openedAtNanos;
        this.lastMessageNanos = openedAtNanos;
        this.lastPongNanos = openedAtNanos;
        this.heartbeatIntervalNanos = settings.heartbeatInterval().toNanos();
        this.heartbeatTimeoutNanos = settings.heartbeatTimeout().toNanos();
        this.idleTimeoutNanos = settings.idleTimeout().toNanos();
        this.pongsCount = settings.pongsCount();
        this.sendTimeoutNanos = sendTimeoutNanos;
        this.credentialsExpireNanos = credentialsExpireMillis == 0
                ? 0
                : openedAtNanos + TimeUnit.MILLISECONDS.toNanos(Math.max(1, credentialsExpireMillis - openedAtMillis));
    }

    /** A message arrived, or the endpoint's code finished: the peer is active now. */
    void active(long now) {
        lastMessageNanos = now;
        if (pingSentNanos != 0) {
            pingSentNanos = 0;
        }
    }

    /**
     * A pong arrived.
     *
     * @param payload its application data
     * @param now     {@link System#nanoTime()}
     * @return the round trip, when it answers the last ping; else -1
     */
    long pong(ByteBuffer payload, long now) {
        long sent = pingSentNanos;
        lastPongNanos = now;
        pingSentNanos = 0;
        if (sent != 0 && payload.remaining() == Long.BYTES && payload.getLong(payload.position()) == sent) {
            roundTripNanos = now - sent;
            return roundTripNanos;
        }
        return -1;
    }

    /**
     * Decides what the sweeper does now with an open session.
     *
     * @param now        {@link System#nanoTime()}
     * @param writingFor how long the write under way has taken (0 for none)
     * @param inCallback whether the endpoint's code is running for the session: the idle and heartbeat checks
     *                   (and pings) then wait; the send timeout and the credentials' expiry do not
     * @return the verdict; a timeout is reported once
     */
    Verdict check(long now, long writingFor, boolean inCallback) {
        if (timedOut) {
            return Verdict.NONE;
        }
        Verdict verdict = hardDeadline(now, writingFor);
        if (verdict == Verdict.NONE && !inCallback) {
            verdict = quietDeadline(now);
        }
        if (verdict != Verdict.NONE) {
            timedOut = true;
            return verdict;
        }
        if (!inCallback
                && heartbeatIntervalNanos != 0
                && pingSentNanos == 0
                && now - Math.max(lastMessageNanos, lastPongNanos) >= heartbeatIntervalNanos) {
            pingSentNanos = now;
            return Verdict.PING;
        }
        return Verdict.NONE;
    }

    /**
     * Whether a close Switchboard started has waited too long for the container's confirmation, whatever the
     * endpoint's code is doing: the session is then ended by Switchboard.
     *
     * @param now         {@link System#nanoTime()}
     * @param requestedAt when the close was requested, on the same clock
     * @return whether to end the session now
     */
    static boolean closeOverdue(long now, long requestedAt) {
        return now - requestedAt > CLOSE_GRACE_NANOS;
    }

    /** The deadlines no callback may hold off. */
    private Verdict hardDeadline(long now, long writingFor) {
        if (writingFor > sendTimeoutNanos) {
            return Verdict.SEND_TIMEOUT;
        }
        if (credentialsExpireNanos != 0 && now - credentialsExpireNanos >= 0) {
            return Verdict.CREDENTIALS_EXPIRED;
        }
        return Verdict.NONE;
    }

    /** The deadlines a running callback holds off: it holds back the inbound traffic they measure. */
    private Verdict quietDeadline(long now) {
        long lastActive = pongsCount ? Math.max(lastMessageNanos, lastPongNanos) : lastMessageNanos;
        if (idleTimeoutNanos != 0 && now - lastActive > idleTimeoutNanos) {
            return Verdict.IDLE_TIMEOUT;
        }
        long sent = pingSentNanos;
        if (heartbeatIntervalNanos != 0 && sent != 0 && now - sent > heartbeatTimeoutNanos) {
            return Verdict.HEARTBEAT_TIMEOUT;
        }
        return Verdict.NONE;
    }

    /** Nanoseconds since the session opened of its latest inbound traffic. */
    long lastInboundSinceOpen() {
        return Math.max(lastMessageNanos, lastPongNanos) - openedAtNanos;
    }

    /** The last heartbeat round trip, or -1. */
    long roundTripNanos() {
        return roundTripNanos;
    }
}
