package io.switchboard.bench;

import io.switchboard.bench.report.Spread;
import java.util.List;

/**
 * One row of the cluster table: one configuration (one node, or two nodes through Redis), N and size, over the
 * interleaved cycles. Lists hold one value per node, the publisher's node first.
 *
 * @param configuration         its name
 * @param nodes                 how many servers hold the N subscribers
 * @param subscribers           N, over all nodes
 * @param size                  payload bytes
 * @param deliveriesPerSecond   burst throughput: messages × N over the time until the last one arrived anywhere
 * @param cpuPerDelivery        all its servers' CPU (all threads) per delivery during the bursts, microseconds, in
 *                              cycle order
 * @param cpuPerOwnDelivery     each server's CPU per delivery to its own subscribers during the bursts, microseconds
 * @param userCpuPerDelivery    the part of {@code cpuPerDelivery} in user mode
 * @param systemCpuPerDelivery  the part of {@code cpuPerDelivery} in the kernel
 * @param writesPerDelivery     all its servers' write system calls per delivery during the bursts (fewer than one
 *                              where a write carries several messages)
 * @param fixedRate             the fixed rate of the latency rounds, deliveries per second (the same for every
 *                              configuration)
 * @param p50                   latency median at the fixed rate of each node's subscribers, milliseconds
 * @param p99                   latency 99th percentile at the fixed rate of each node's subscribers, milliseconds
 * @param addedP50              the second node's p50 minus the first's, round by round, milliseconds: what the hop
 *                              through Redis adds (no values with one node)
 * @param firstP50              latency median of each broadcast's first delivery on each node, milliseconds
 * @param addedFirstP50         the same difference for each broadcast's first delivery: the hop itself, without
 *                              the wait behind the first node's fan-out and the load generator's reading
 * @param cpuAtFixedRate        all its servers' CPU per delivery during the fixed-rate rounds, microseconds
 * @param publishesPerBroadcast Redis {@code PUBLISH} commands per broadcast during the burst rounds (NaN without a
 *                              backplane)
 * @param redisCpuPerBroadcast  Redis's own CPU per broadcast during the burst rounds, less what it spends without
 *                              broadcasts over as long, microseconds (NaN without a backplane)
 * @param incomplete            rounds that timed out before every subscriber had every message
 */
public record ClusterResult(
        String configuration,
        int nodes,
        int subscribers,
        int size,
        Spread deliveriesPerSecond,
        Spread cpuPerDelivery,
        List<Spread> cpuPerOwnDelivery,
        Spread userCpuPerDelivery,
        Spread systemCpuPerDelivery,
        Spread writesPerDelivery,
        double fixedRate,
        List<Spread> p50,
        List<Spread> p99,
        Spread addedP50,
        List<Spread> firstP50,
        Spread addedFirstP50,
        Spread cpuAtFixedRate,
        double publishesPerBroadcast,
        double redisCpuPerBroadcast,
        int incomplete) {

    /** Copies the lists. */
    public ClusterResult {
        cpuPerOwnDelivery = List.copyOf(cpuPerOwnDelivery);
        p50 = List.copyOf(p50);
        p99 = List.copyOf(p99);
        firstP50 = List.copyOf(firstP50);
    }
}
