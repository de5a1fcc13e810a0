package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * The server CPU idle connections cost, as a share of one core.
 *
 * @param server      the server's name
 * @param endpoint    which kind of connection
 * @param connections how many were open
 * @param windowMillis how long each round watched the server
 * @param corePercent the server's CPU time over the wall time, in percent of one core
 * @param pings       pings the clients answered during each round's window
 */
record HeartbeatCostResult(
        String server, String endpoint, int connections, long windowMillis, Spread corePercent, Spread pings) {}
