package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * One row of the fan-out table: one server, scenario and mode, over the interleaved cycles.
 *
 * @param server              the server's name
 * @param subscribers         N
 * @param size                payload bytes
 * @param mode                the fan-out mode
 * @param deliveriesPerSecond burst throughput: messages × N over the time until the last one arrived
 * @param cpuPerDelivery      server CPU (all threads) per delivery during the bursts, microseconds
 * @param fixedRate           the fixed rate of the latency rounds, deliveries per second
 * @param p50                 latency median at the fixed rate, milliseconds
 * @param p99                 latency 99th percentile at the fixed rate, milliseconds
 * @param max                 latency maximum at the fixed rate, milliseconds
 * @param cpuAtFixedRate      server CPU per delivery during the fixed-rate rounds, microseconds
 * @param incomplete          rounds that timed out before every subscriber had every message
 */
public record FanOutResult(
        String server,
        int subscribers,
        int size,
        Mode mode,
        Spread deliveriesPerSecond,
        Spread cpuPerDelivery,
        double fixedRate,
        Spread p50,
        Spread p99,
        Spread max,
        Spread cpuAtFixedRate,
        int incomplete) {}
