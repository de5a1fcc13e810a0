package io.switchboard.client.runtime;

import io.switchboard.RestartAdvice;
import java.time.Duration;
import java.util.Optional;

/**
 * What a client does after a connection ends or an attempt fails: the one table of close codes and HTTP statuses
 * that Switchboard's server also closes by (see {@code io.switchboard.CloseCategory}).
 *
 * @param kind       what to do
 * @param retryAfter for {@link Kind#RETRY_AFTER}, how long the server asked to wait; otherwise {@code null}
 */
record Reaction(Kind kind, Duration retryAfter) {

    /** The kinds of reaction. */
    enum Kind {
        /** Reconnect after a short jittered pause: the server is going away or restarting, or the link broke. */
        SOON,
        /** Exponential backoff with full jitter: the attempt failed. */
        BACK_OFF,
        /** Back off from a later step: the server is overloaded (1013). */
        BACK_OFF_MORE,
        /** Wait as long as the server says: its {@code Retry-After}, or the delay in a 1012's reason. */
        RETRY_AFTER,
        /** Wait for a different token: the server refused this one. */
        NEW_TOKEN,
        /** Stop: retrying cannot help. */
        GIVE_UP
    }

    /**
     * The reaction to a connection that was open and then closed.
     *
     * @param closeCode the code in the close frame, or 1006 for none
     * @param reason    the reason in the close frame; may be {@code null}
     * @return what to do: for a 1012 whose reason says when to come back ({@link RestartAdvice}), wait that long
     */
    static Reaction toClose(int closeCode, String reason) {
        Optional<Duration> advised = RestartAdvice.delay(closeCode, reason);
        if (advised.isPresent()) {
            return new Reaction(Kind.RETRY_AFTER, advised.get());
        }
        return switch (closeCode) {
            case 1013 -> new Reaction(Kind.BACK_OFF_MORE, null);
            case 1008 -> new Reaction(Kind.NEW_TOKEN, null);
            case 1003 -> new Reaction(Kind.GIVE_UP, null);
            // 1000, 1001 and 1012 say so; 1006 (a drop), 1011 (a server error) and the rest are no reason to wait long.
            default -> new Reaction(Kind.SOON, null);
        };
    }

    /**
     * The reaction to a handshake that failed.
     *
     * @param status     the HTTP status, or 0 where the connection failed before one (refused, reset, timed out)
     * @param retryAfter the {@code Retry-After} the server sent, or {@code null}
     * @return what to do
     */
    static Reaction toRefusal(int status, Duration retryAfter) {
        return switch (status) {
            case 401, 403 -> new Reaction(Kind.NEW_TOKEN, null);
            case 429, 503 ->
                retryAfter == null
                        ? new Reaction(Kind.BACK_OFF_MORE, null)
                        : new Reaction(Kind.RETRY_AFTER, retryAfter);
            default -> new Reaction(Kind.BACK_OFF, null);
        };
    }
}
