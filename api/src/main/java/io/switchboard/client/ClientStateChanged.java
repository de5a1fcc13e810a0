package io.switchboard.client;

import java.time.Duration;

/**
 * A client moved from one {@link ClientState} to another. Fired as a CDI event qualified with the client's
 * {@link WebSocketClient} name and given to each {@link ClientListener}, on the client's thread, in order.
 *
 * @param client   the client's name
 * @param from     the state before
 * @param to       the state now
 * @param attempt  the number of the connection attempt this change belongs to, counted since the last open
 *                 (1 for the first attempt after a drop)
 * @param delay    for {@link ClientState#BACKING_OFF}, how long until the next attempt; otherwise {@link Duration#ZERO}
 * @param closeCode the close code or HTTP status that caused the change (1006 for a drop without a close frame),
 *                 or 0 for none
 * @param reason   what happened, for logs; never a token
 */
public record ClientStateChanged(
        String client, ClientState from, ClientState to, int attempt, Duration delay, int closeCode, String reason) {}
