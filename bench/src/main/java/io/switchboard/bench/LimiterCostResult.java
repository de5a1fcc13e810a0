package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * One row of the limiter-cost table: one server and inbound endpoint, over the interleaved cycles.
 *
 * @param server            the server's name
 * @param endpoint          which endpoint (no limit, or which generous limits)
 * @param messages          messages per round
 * @param messagesPerSecond messages handled per second, from the first send to the last one handled
 * @param cpuPerMessage     server CPU (all threads) per message, microseconds
 */
public record LimiterCostResult(
        String server, String endpoint, long messages, Spread messagesPerSecond, Spread cpuPerMessage) {}
