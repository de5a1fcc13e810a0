package io.switchboard.bench;

import io.switchboard.bench.report.Spread;
import java.util.List;

/**
 * One row of the flood table: one server and scenario, over the interleaved cycles (one value per round in each
 * list and spread).
 *
 * @param server          the server's name
 * @param scenario        which round
 * @param healthy         healthy clients in the room
 * @param healthySent     messages the healthy clients sent
 * @param healthyLost     healthy deliveries that never arrived (sent × healthy clients − received)
 * @param healthyClosed   healthy connections the server closed (or that dropped) during the round
 * @param p50             healthy latency median, milliseconds
 * @param p99             healthy latency 99th percentile, milliseconds
 * @param max             healthy latency maximum, milliseconds
 * @param floodSent       messages that left the flooder
 * @param floodAccepted   the flooder's messages that reached the endpoint's code (and were broadcast)
 * @param floodDropped    the flooder's messages the rate limit dropped ({@code RateLimited} events)
 * @param flooderCodes    the close code the flooder saw in each round, 0 when it stayed open
 * @param closed1008      sessions the server closed with 1008 in each round
 * @param closedAfter     milliseconds from the flooder's first message to its connection's end (rounds where it
 *                        ended)
 * @param cpuPercent      the server's CPU while the clients sent, in percent of one core
 */
public record FloodResult(
        String server,
        FloodScenario scenario,
        int healthy,
        List<Long> healthySent,
        List<Long> healthyLost,
        List<Long> healthyClosed,
        Spread p50,
        Spread p99,
        Spread max,
        Spread floodSent,
        Spread floodAccepted,
        Spread floodDropped,
        List<Integer> flooderCodes,
        List<Long> closed1008,
        Spread closedAfter,
        Spread cpuPercent) {}
