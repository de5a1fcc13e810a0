package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * One row of the resume table: one scenario (R: reconnect naming the last position, S: reconnect without one and
 * get a snapshot) after one kind of cut, over its rounds. Times are from the cut unless said otherwise.
 *
 * @param scenario          {@code R} or {@code S}, with what the client does
 * @param cut               what ended the connections
 * @param history           where the room's history lives
 * @param clients           clients, over all rooms
 * @param rooms             rooms
 * @param ratePerRoom       broadcasts per second to each room, before, during and after the cut
 * @param missedPerClient   broadcasts each client had to catch up on (its target less its last position before
 *                          the cut), mean over the clients
 * @param downMillis        from the cut until the new server served (restart only; NaN for a drop)
 * @param closedP50         from the cut until a client saw its connection end (the close it was sent, or the reset),
 *                          median over the clients, ms
 * @param closedMax         the same, the last client, ms
 * @param reconnectP50      from the cut until a client's new connection opened, median over the clients, ms
 * @param catchUpP50        from a client's new connection until it had caught up, median over the clients, ms
 * @param catchUpP99        the same, 99th percentile, ms
 * @param catchUpMax        the same, the slowest client, ms
 * @param allCaughtUp       from the cut until the last client had caught up, ms
 * @param allCaughtUpAfterBack from the new server's start (its ready line) until the last client had caught up, ms
 *                          (restart only; NaN for a drop)
 * @param cpuWindowMillis   the server's CPU from the cut (restart: from the new server's start) until the last
 *                          client had caught up, ms
 * @param cpuAboveSteady    that less what broadcasting alone cost over as long (measured before the cut), ms
 * @param catchUpBytes      payload bytes the clients received on their new connections until each had caught up,
 *                          summed over the clients
 * @param lostPerClient     broadcasts a client never got (older than the snapshot it was sent instead), mean over
 *                          the clients
 * @param resentPerClient   broadcasts a client received again that it held already (a snapshot repeats what came
 *                          before the client's last position), mean over the clients
 * @param serverBytes       bytes the server wrote over the window ({@code wchar}: frames with headers, handshake
 *                          responses)
 * @param serverWriteCalls  write system calls of the server over the window ({@code syscw})
 * @param redisCpuMillis    Redis's CPU over the window, ms (NaN without Redis)
 * @param recovered         sessions whose resume worked ({@code RECOVERED}), per round
 * @param snapshots         snapshots the endpoint sent, per round
 * @param outcomes          the other outcomes the endpoint saw, summed over the rounds
 * @param notCaughtUp       clients that had not caught up when the round gave up, summed over the rounds
 * @param failedAttempts    reconnect attempts refused or failed, summed over the rounds
 * @param closedAgain       new connections the server closed again (1013, history unavailable), after which the client
 *                          came back once more, summed over the rounds
 * @param rounds            rounds measured
 */
public record ResumeResult(
        String scenario,
        String cut,
        String history,
        int clients,
        int rooms,
        int ratePerRoom,
        Spread missedPerClient,
        Spread downMillis,
        Spread closedP50,
        Spread closedMax,
        Spread reconnectP50,
        Spread catchUpP50,
        Spread catchUpP99,
        Spread catchUpMax,
        Spread allCaughtUp,
        Spread allCaughtUpAfterBack,
        Spread cpuWindowMillis,
        Spread cpuAboveSteady,
        Spread catchUpBytes,
        Spread lostPerClient,
        Spread resentPerClient,
        Spread serverBytes,
        Spread serverWriteCalls,
        Spread redisCpuMillis,
        Spread recovered,
        Spread snapshots,
        String outcomes,
        long notCaughtUp,
        long failedAttempts,
        long closedAgain,
        int rounds) {}
