package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * One row of the metrics-cost table: one server, N, size and endpoint (metrics on or off), over the interleaved
 * cycles.
 *
 * @param server              the server's name
 * @param subscribers         N
 * @param size                payload bytes
 * @param metricsOn           whether the endpoint records metrics
 * @param deliveriesPerSecond burst throughput: messages × N over the time until the last one arrived
 * @param cpuPerDelivery      server CPU (all threads) per delivery during the bursts, microseconds, in cycle order
 * @param fixedRate           the fixed rate of the latency rounds, deliveries per second (half the metrics-off
 *                            endpoint's median burst rate)
 * @param p50                 latency median at the fixed rate, milliseconds
 * @param p99                 latency 99th percentile at the fixed rate, milliseconds
 * @param cpuAtFixedRate      server CPU per delivery during the fixed-rate rounds, microseconds
 * @param incomplete          rounds that timed out before every subscriber had every message
 */
public record MetricsCostResult(
        String server,
        int subscribers,
        int size,
        boolean metricsOn,
        Spread deliveriesPerSecond,
        Spread cpuPerDelivery,
        double fixedRate,
        Spread p50,
        Spread p99,
        Spread cpuAtFixedRate,
        int incomplete) {

    /**
     * What the server's metrics say about one endpoint after the metrics-cost rounds.
     *
     * @param server    the server's name
     * @param backend   the backend the server's log names ({@code Switchboard: metrics go to ...})
     * @param endpoint  the endpoint id
     * @param delivered messages its subscribers received during the measurement (warm-up rounds included)
     * @param recorded  the growth of its {@code switchboard_messages_sent_total} over the measurement, NaN if the
     *                  server has no such series for it
     */
    public record Check(String server, String backend, String endpoint, long delivered, double recorded) {}
}
