package io.switchboard.bench;

import io.switchboard.bench.report.Spread;
import java.util.List;

/**
 * One row of the slow-consumer table: one server and mode.
 *
 * @param server            the server's name
 * @param mode              the fan-out mode
 * @param healthy           healthy subscribers
 * @param withoutSlow       healthy deliveries per second in rounds with no slow subscriber
 * @param withSlow          healthy deliveries per second in rounds with one subscriber that stopped reading
 * @param stalledRounds     rounds with the slow subscriber in which a burst did not reach the healthy ones in time
 * @param slowClosedRounds  rounds in which the server closed the slow subscriber's connection
 * @param heapSamplesMb     the server's heap after GC, about a second apart, in the last round with the slow
 *                          subscriber (before it was disconnected), in MB
 */
public record SlowConsumerResult(
        String server,
        Mode mode,
        int healthy,
        Spread withoutSlow,
        Spread withSlow,
        int stalledRounds,
        int slowClosedRounds,
        List<Double> heapSamplesMb) {}
