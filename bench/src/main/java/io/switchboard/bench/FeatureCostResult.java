package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * One row of a feature-cost table (metrics, tracing): one server, N, size and endpoint (the feature on or off), over
 * the interleaved cycles.
 *
 * @param server              the server's name
 * @param subscribers         N
 * @param size                payload bytes
 * @param on                  whether the endpoint has the feature on
 * @param deliveriesPerSecond burst throughput: messages × N over the time until the last one arrived
 * @param cpuPerDelivery      server CPU (all threads) per delivery during the bursts, microseconds, in cycle order
 * @param fixedRate           the fixed rate of the latency rounds, deliveries per second (half the feature-off
 *                            endpoint's median burst rate)
 * @param p50                 latency median at the fixed rate, milliseconds
 * @param p99                 latency 99th percentile at the fixed rate, milliseconds
 * @param cpuAtFixedRate      server CPU per delivery during the fixed-rate rounds, microseconds
 * @param incomplete          rounds that timed out before every subscriber had every message
 */
public record FeatureCostResult(
        String server,
        int subscribers,
        int size,
        boolean on,
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
    public record MetricsCheck(String server, String backend, String endpoint, long delivered, double recorded) {}

    /**
     * The fast path's writes in the measured burst rounds of one endpoint of the gathered-writes measurement
     * (its own counters, read before and after each round).
     *
     * @param server     the server's name
     * @param subscribers N
     * @param size       payload bytes
     * @param endpoint   the endpoint id of its subscribers
     * @param on         whether gathered writes are on there
     * @param deliveries deliveries in those rounds
     * @param writes     writes handed to the connections in those rounds
     * @param gathered   messages that went in gathered writes in those rounds
     */
    public record GatherCheck(
            String server,
            int subscribers,
            int size,
            String endpoint,
            boolean on,
            long deliveries,
            long writes,
            long gathered) {}

    /**
     * What the span exporter of one server of the tracing cost received, from its start to the end of N's rounds
     * (flushed first).
     *
     * @param server     the server's name
     * @param endpoint   the endpoint id of its subscribers
     * @param tracingOn  whether {@code switchboard.<endpoint>.tracing.enabled} is {@code true} there
     * @param broadcasts the broadcasts the server was asked for since it started (publisher messages)
     * @param delivered  messages its subscribers received in N's rounds (warm-up rounds included)
     * @param handshakes {@code switchboard.handshake} spans
     * @param callbacks  {@code switchboard.on_*} spans
     * @param broadcastSpans {@code switchboard.broadcast} spans
     * @param broadcastDelivered the sum of their {@code switchboard.broadcast.delivered}
     * @param spans      every span of scope {@code io.switchboard}; {@code -1} if the server has no exporter
     */
    public record TracingCheck(
            String server,
            String endpoint,
            boolean tracingOn,
            long broadcasts,
            long delivered,
            long handshakes,
            long callbacks,
            long broadcastSpans,
            long broadcastDelivered,
            long spans) {}
}
