package io.switchboard.impl.session;

import io.switchboard.impl.config.LivenessSettings;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One session's clock of life: when the peer last sent a message or a pong, the ping in flight, the last round
 * trip, and the deadlines (idle, heartbeat, send, credentials) the sweeper holds it to. Written by the session's
 * container thread, read by the sweeper; an inbound message costs one clock read and one volatile write.
 */
final class Liveness {

    /** What one sweep decides for an open session not inside a callback. */
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

    Liveness(LivenessSettings settings, long sendTimeoutNanos, long openedAtNanos, long openedAtMillis,
             long credentialsExpireMillis) {
        this.openedAtNanos = openedAtNanos;
        this.lastMessageNanos = openedAtNanos;
        this.lastPongNanos = openedAtNanos;
        this.heartbeatIntervalNanos = settings.heartbeatInterval().toNanos();
        this.heartbeatTimeoutNanos = settings.heartbeatTimeout().toNanos();
        this.idleTimeoutNanos = settings.idleTimeout().toNanos();
        this.pongsCount = settings.pongsCount();
        this.sendTimeoutNanos = sendTimeoutNanos;
        this.credentialsExpireNanos = credentialsExpireMillis == 0 ? 0
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
     * Decides what the sweeper does now.
     *
     * @param now        {@link System#nanoTime()}
     * @param writingFor how long the write under way has taken (0 for none)
     * @return the verdict; a timeout is reported once
     */
    Verdict check(long now, long writingFor) {
        if (timedOut) {
            return Verdict.NONE;
        }
        Verdict verdict = timeout(now, writingFor);
        if (verdict != Verdict.NONE) {
            timedOut = true;
            return verdict;
        }
        if (heartbeatIntervalNanos != 0 && pingSentNanos == 0
                && now - Math.max(lastMessageNanos, lastPongNanos) >= heartbeatIntervalNanos) {
            pingSentNanos = now;
            return Verdict.PING;
        }
        return Verdict.NONE;
    }

    private Verdict timeout(long now, long writingFor) {
        if (writingFor > sendTimeoutNanos) {
            return Verdict.SEND_TIMEOUT;
        }
        if (credentialsExpireNanos != 0 && now - credentialsExpireNanos >= 0) {
            return Verdict.CREDENTIALS_EXPIRED;
        }
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
