package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * One row of the history cost table: one endpoint (without history, A; with it, B) in one configuration, over the
 * interleaved cycles.
 *
 * @param configuration        the servers: {@code Tyrus standalone}, {@code Payara Micro}, or a Redis cluster's
 *                             nodes
 * @param nodes                how many servers hold the subscribers
 * @param withHistory          B: the endpoint with {@code @RoomHistory}, broadcast with its position
 * @param history              where B's history lives ({@code none} for A)
 * @param subscribers          N, over all nodes
 * @param size                 payload bytes
 * @param messagesPerBurst     broadcasts per burst round
 * @param deliveriesPerSecond  burst throughput: messages × N over the time until the last one arrived
 * @param cpuPerDelivery       all its servers' CPU (all threads) per delivery during the bursts, microseconds, in
 *                             cycle order
 * @param redisCpuPerBroadcast Redis's own CPU per broadcast during the bursts, less what it spends without
 *                             broadcasts over as long, microseconds (NaN without Redis)
 * @param redisCommandsPerBroadcast commands Redis ran per broadcast, a script's own calls included (NaN without
 *                             Redis)
 * @param redisScriptsPerBroadcast scripts ({@code EVAL}, {@code EVALSHA}, {@code FCALL}) Redis ran per broadcast
 *                             (NaN without Redis)
 * @param incomplete           rounds that timed out before every subscriber had every message
 */
public record HistoryCostResult(
        String configuration,
        int nodes,
        boolean withHistory,
        String history,
        int subscribers,
        int size,
        int messagesPerBurst,
        Spread deliveriesPerSecond,
        Spread cpuPerDelivery,
        double redisCpuPerBroadcast,
        double redisCommandsPerBroadcast,
        double redisScriptsPerBroadcast,
        int incomplete) {}
