package io.switchboard.bench;

import io.switchboard.bench.report.MarkdownTable;
import io.switchboard.bench.report.Numbers;
import io.switchboard.bench.report.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The run's results as markdown tables. */
final class Tables {

    private Tables() {}

    static String fanOut(List<FanOutResult> results) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "N",
                "size",
                "mode",
                "deliveries/s (burst)",
                "×(b)",
                "server CPU µs/delivery",
                "×(b)",
                "fixed rate, deliveries/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "CPU µs/delivery at fixed rate",
                "×(b)",
                "timed out");
        for (FanOutResult r : results) {
            FanOutResult b = results.stream()
                    .filter(o -> o.server().equals(r.server())
                            && o.subscribers() == r.subscribers()
                            && o.size() == r.size()
                            && o.mode() == Mode.ASYNC)
                    .findFirst()
                    .orElse(r);
            table.row(
                    r.server(),
                    Integer.toString(r.subscribers()),
                    size(r.size()),
                    r.mode().label(),
                    r.deliveriesPerSecond().format(),
                    r.deliveriesPerSecond().ratioTo(b.deliveriesPerSecond()),
                    r.cpuPerDelivery().format(),
                    r.cpuPerDelivery().ratioTo(b.cpuPerDelivery()),
                    Double.isNaN(r.fixedRate()) ? "–" : Numbers.format(r.fixedRate()),
                    r.p50().format(),
                    r.p99().format(),
                    r.max().format(),
                    r.cpuAtFixedRate().format(),
                    r.cpuAtFixedRate().ratioTo(b.cpuAtFixedRate()),
                    r.incomplete() == 0 ? "" : r.incomplete() + " rounds");
        }
        return table.toString();
    }

    static String slowConsumer(List<SlowConsumerResult> results) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "mode",
                "healthy deliveries/s, no slow client",
                "with 1 slow client",
                "ratio",
                "stalled rounds",
                "slow client closed by server",
                "server heap after GC, MB (≈1 s apart, last round)");
        for (SlowConsumerResult r : results) {
            int rounds = r.withSlow().values().size();
            String withSlow = r.stalledRounds() == 0
                    ? r.withSlow().format()
                    : "stalled (" + r.stalledRounds() + "/" + rounds + "; "
                            + r.withSlow().format() + " incl. the wait)";
            table.row(
                    r.server(),
                    r.mode().label(),
                    r.withoutSlow().format(),
                    withSlow,
                    r.withSlow().ratioTo(r.withoutSlow()),
                    r.stalledRounds() + "/" + r.withSlow().values().size(),
                    r.slowClosedRounds() + "/" + r.withSlow().values().size(),
                    r.heapSamplesMb() == null
                            ? "–"
                            : r.heapSamplesMb().stream().map(Numbers::format).collect(Collectors.joining(", ")));
        }
        return table.toString();
    }

    static String idleHeap(List<IdleHeapResult> results) {
        MarkdownTable table =
                new MarkdownTable("server", "endpoint", "idle connections", "heap per connection, KB", "× plain");
        for (IdleHeapResult r : results) {
            IdleHeapResult plain = results.stream()
                    .filter(o -> o.server().equals(r.server()))
                    .findFirst()
                    .orElse(r);
            Spread kb = Spread.of(
                    r.bytesPerConnection().values().stream().map(v -> v / 1024).toList());
            table.row(
                    r.server(),
                    r.endpoint(),
                    Integer.toString(r.connections()),
                    kb.format(),
                    r.bytesPerConnection().ratioTo(plain.bytesPerConnection()));
        }
        return table.toString();
    }

    static String heartbeatCost(List<HeartbeatCostResult> results) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "endpoint",
                "idle connections",
                "pings answered per window",
                "server CPU, % of one core",
                "above plain, % of a core per 10,000 sessions",
                "µs per ping above plain",
                "above plain ÷ plain pinging's");
        for (HeartbeatCostResult r : results) {
            HeartbeatCostResult plain = results.stream()
                    .filter(o -> o.server().equals(r.server()))
                    .findFirst()
                    .orElse(r);
            HeartbeatCostResult floor = results.stream()
                    .filter(o -> o.server().equals(r.server()) && o.endpoint().equals(HeartbeatCostBench.PLAIN_PINGING))
                    .findFirst()
                    .orElse(null);
            double above = r.corePercent().median() - plain.corePercent().median();
            double pings = r.pings().median();
            String perPing = pings < 1 ? "–" : Numbers.format(above / 100 * r.windowMillis() * 1000 / pings);
            String toFloor = "–";
            boolean samePings = r.endpoint().equals(HeartbeatCostBench.PLAIN_PINGING)
                    || r.endpoint().equals(HeartbeatCostBench.HEARTBEAT_10S);
            if (floor != null && samePings) {
                double floorAbove =
                        floor.corePercent().median() - plain.corePercent().median();
                toFloor = String.format("%.2f×", above / floorAbove);
            }
            table.row(
                    r.server(),
                    r.endpoint(),
                    Integer.toString(r.connections()),
                    Numbers.format(pings),
                    r.corePercent().format(),
                    String.format("%.2f", above * 10_000.0 / r.connections()),
                    perPing,
                    toFloor);
        }
        return table.toString();
    }

    static String flood(List<FloodResult> results) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "round",
                "healthy messages sent",
                "healthy lost",
                "healthy closed",
                "p50 ms",
                "p99 ms",
                "max ms",
                "p99 × (i)",
                "flooder sent",
                "flooder accepted",
                "flooder dropped",
                "flooder closed (after ms)",
                "server CPU, % of a core");
        for (FloodResult r : results) {
            FloodResult baseline = results.stream()
                    .filter(o -> o.server().equals(r.server()) && o.scenario() == FloodScenario.BASELINE)
                    .findFirst()
                    .orElse(r);
            boolean flooder = r.scenario().flooder();
            table.row(
                    r.server(),
                    r.scenario().label(),
                    Spread.of(doubles(r.healthySent())).format(),
                    join(r.healthyLost()),
                    join(r.healthyClosed()),
                    r.p50().format(),
                    r.p99().format(),
                    r.max().format(),
                    r.p99().ratioTo(baseline.p99()),
                    flooder ? r.floodSent().format() : "–",
                    flooder ? r.floodAccepted().format() : "–",
                    flooder ? r.floodDropped().format() : "–",
                    flooder ? closes(r) : "–",
                    r.cpuPercent().format());
        }
        return table.toString();
    }

    static String limiterCost(List<LimiterCostResult> results) {
        MarkdownTable table = new MarkdownTable(
                "server", "endpoint", "messages per round", "messages/s", "× none", "server CPU µs/message", "× none");
        for (LimiterCostResult r : results) {
            LimiterCostResult none = results.stream()
                    .filter(o -> o.server().equals(r.server()))
                    .findFirst()
                    .orElse(r);
            table.row(
                    r.server(),
                    r.endpoint(),
                    Numbers.format(r.messages()),
                    r.messagesPerSecond().format(),
                    r.messagesPerSecond().ratioTo(none.messagesPerSecond()),
                    r.cpuPerMessage().format(),
                    r.cpuPerMessage().ratioTo(none.cpuPerMessage()));
        }
        return table.toString();
    }

    /** A feature-cost table; {@code feature} heads the on/off column ({@code metrics}, {@code tracing}). */
    static String featureCost(List<FeatureCostResult> results, String feature) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "N",
                "size",
                feature,
                "deliveries/s (burst)",
                "× off",
                "server CPU µs/delivery",
                "× off",
                "CPU on ÷ off, per cycle",
                "fixed rate, deliveries/s",
                "p50 ms",
                "p99 ms",
                "p99 × off",
                "CPU µs/delivery at fixed rate",
                "× off",
                "timed out");
        for (FeatureCostResult r : results) {
            FeatureCostResult off = results.stream()
                    .filter(o -> o.server().equals(r.server())
                            && o.subscribers() == r.subscribers()
                            && o.size() == r.size()
                            && !o.on())
                    .findFirst()
                    .orElse(r);
            String perCycle = "–";
            if (r.on() && off != r) {
                List<Double> mine = r.cpuPerDelivery().values();
                List<Double> theirs = off.cpuPerDelivery().values();
                StringBuilder ratios = new StringBuilder();
                for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                    ratios.append(i == 0 ? "" : ", ").append(String.format("%.3f", mine.get(i) / theirs.get(i)));
                }
                perCycle = ratios.toString();
            }
            table.row(
                    r.server(),
                    Integer.toString(r.subscribers()),
                    size(r.size()),
                    r.on() ? "on" : "off",
                    r.deliveriesPerSecond().format(),
                    r.deliveriesPerSecond().ratioTo(off.deliveriesPerSecond()),
                    r.cpuPerDelivery().format(),
                    ratio3(r.cpuPerDelivery(), off.cpuPerDelivery()),
                    perCycle,
                    Double.isNaN(r.fixedRate()) ? "–" : Numbers.format(r.fixedRate()),
                    r.p50().format(),
                    r.p99().format(),
                    r.p99().ratioTo(off.p99()),
                    r.cpuAtFixedRate().format(),
                    ratio3(r.cpuAtFixedRate(), off.cpuAtFixedRate()),
                    r.incomplete() == 0 ? "" : r.incomplete() + " rounds");
        }
        return table.toString();
    }

    static String metricsChecks(List<FeatureCostResult.MetricsCheck> checks) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "metrics backend (server log)",
                "endpoint",
                "messages delivered to it in these rounds",
                "switchboard_messages_sent_total growth");
        for (FeatureCostResult.MetricsCheck c : checks) {
            table.row(
                    c.server(),
                    c.backend(),
                    c.endpoint(),
                    Long.toString(c.delivered()),
                    Double.isNaN(c.recorded()) ? "no series" : String.format("%.0f", c.recorded()));
        }
        return table.toString();
    }

    static String gatherChecks(List<FeatureCostResult.GatherCheck> checks) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "N",
                "size",
                "gathered writes",
                "deliveries (measured bursts)",
                "writes",
                "deliveries per write",
                "in gathered writes");
        for (FeatureCostResult.GatherCheck c : checks) {
            table.row(
                    c.server(),
                    Integer.toString(c.subscribers()),
                    size(c.size()),
                    c.on() ? "on" : "off",
                    Long.toString(c.deliveries()),
                    Long.toString(c.writes()),
                    c.writes() == 0 ? "–" : String.format("%.2f", (double) c.deliveries() / c.writes()),
                    c.deliveries() == 0 ? "–" : String.format("%.0f%%", 100.0 * c.gathered() / c.deliveries()));
        }
        return table.toString();
    }

    static String tracingChecks(List<FeatureCostResult.TracingCheck> checks) {
        MarkdownTable table = new MarkdownTable(
                "server",
                "endpoint",
                "tracing.enabled",
                "broadcasts (since start)",
                "messages delivered in these rounds",
                "handshake spans",
                "callback spans",
                "broadcast spans",
                "their switchboard.broadcast.delivered",
                "all spans");
        for (FeatureCostResult.TracingCheck c : checks) {
            table.row(
                    c.server(),
                    c.endpoint(),
                    Boolean.toString(c.tracingOn()),
                    Long.toString(c.broadcasts()),
                    Long.toString(c.delivered()),
                    Long.toString(c.handshakes()),
                    Long.toString(c.callbacks()),
                    Long.toString(c.broadcastSpans()),
                    Long.toString(c.broadcastDelivered()),
                    c.spans() < 0 ? "no exporter" : Long.toString(c.spans()));
        }
        return table.toString();
    }

    static String cluster(List<ClusterResult> results) {
        MarkdownTable table = new MarkdownTable(
                "configuration",
                "N",
                "size",
                "deliveries/s (burst)",
                "× A",
                "server CPU µs/delivery",
                "× A",
                "× A, per cycle",
                "CPU µs per own delivery, node 1 / node 2",
                "fixed rate, deliveries/s",
                "p50 ms, node 1 / node 2",
                "p99 ms, node 1 / node 2",
                "added p50 ms (node 2 − node 1)",
                "CPU µs/delivery at fixed rate",
                "× A",
                "Redis PUBLISH per broadcast",
                "Redis CPU µs per broadcast",
                "timed out");
        for (ClusterResult r : results) {
            ClusterResult a = results.stream()
                    .filter(o -> o.subscribers() == r.subscribers() && o.size() == r.size() && o.nodes() == 1)
                    .findFirst()
                    .orElse(r);
            String perCycle = "–";
            if (a != r) {
                List<Double> mine = r.cpuPerDelivery().values();
                List<Double> theirs = a.cpuPerDelivery().values();
                StringBuilder ratios = new StringBuilder();
                for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                    ratios.append(i == 0 ? "" : ", ").append(String.format("%.2f", mine.get(i) / theirs.get(i)));
                }
                perCycle = ratios.toString();
            }
            table.row(
                    r.configuration(),
                    Integer.toString(r.subscribers()),
                    size(r.size()),
                    r.deliveriesPerSecond().format(),
                    r.deliveriesPerSecond().ratioTo(a.deliveriesPerSecond()),
                    r.cpuPerDelivery().format(),
                    ratio3(r.cpuPerDelivery(), a.cpuPerDelivery()),
                    perCycle,
                    byNode(r.cpuPerOwnDelivery()),
                    Double.isNaN(r.fixedRate()) ? "–" : Numbers.format(r.fixedRate()),
                    byNode(r.p50()),
                    byNode(r.p99()),
                    r.addedP50().values().isEmpty() ? "–" : r.addedP50().format(),
                    r.cpuAtFixedRate().format(),
                    ratio3(r.cpuAtFixedRate(), a.cpuAtFixedRate()),
                    Double.isNaN(r.publishesPerBroadcast()) ? "–" : String.format("%.3f", r.publishesPerBroadcast()),
                    Double.isNaN(r.redisCpuPerBroadcast()) ? "–" : Numbers.format(r.redisCpuPerBroadcast()),
                    r.incomplete() == 0 ? "" : r.incomplete() + " rounds");
        }
        return table.toString();
    }

    /** Where the cluster part's CPU and latency go: user and kernel time, write calls, each broadcast's first delivery. */
    static String clusterCosts(List<ClusterResult> results) {
        MarkdownTable table = new MarkdownTable(
                "configuration",
                "N",
                "size",
                "user CPU µs/delivery",
                "kernel CPU µs/delivery",
                "server write calls per delivery",
                "first delivery of each broadcast, p50 ms, node 1 / node 2",
                "added (node 2 − node 1)");
        for (ClusterResult r : results) {
            table.row(
                    r.configuration(),
                    Integer.toString(r.subscribers()),
                    size(r.size()),
                    r.userCpuPerDelivery().format(),
                    r.systemCpuPerDelivery().format(),
                    r.writesPerDelivery().format(),
                    byNode(r.firstP50()),
                    r.addedFirstP50().values().isEmpty()
                            ? "–"
                            : r.addedFirstP50().format());
        }
        return table.toString();
    }

    /** One value per node: {@code 7.10 ±3% / 9.20 ±5%}. */
    private static String byNode(List<Spread> values) {
        return values.stream().map(Spread::format).collect(Collectors.joining(" / "));
    }

    /** The ratio of two medians with three decimals: {@code 1.034×}. */
    private static String ratio3(Spread value, Spread reference) {
        double ratio = value.median() / reference.median();
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : String.format("%.3f×", ratio);
    }

    /**
     * {@code 1008 by server 3/3; client saw 1008, 1006, 1008; after 61.4 ±12%}: rounds in which the server closed a
     * session with 1008, the codes the flooder saw (0: still open; 1006: the connection was reset, as happens
     * to a client still writing when the server closes), and how many milliseconds after its first message.
     */
    private static String closes(FloodResult r) {
        long by1008 = r.closed1008().stream().filter(n -> n > 0).count();
        long ended = r.flooderCodes().stream().filter(code -> code != 0).count();
        String server = "1008 by server " + by1008 + "/" + r.closed1008().size();
        if (ended == 0) {
            return server + "; stayed open";
        }
        return server + "; client saw "
                + r.flooderCodes().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; after "
                + r.closedAfter().format();
    }

    /**
     * The client part: for throughput ({@code storm == false}) the send and receive rows, for the storm its rows;
     * B's ratios are to A's row of the same scenario and size.
     */
    static String client(List<ClientResult> results, boolean storm) {
        String unit = storm ? "connection" : "message";
        List<String> header = new ArrayList<>(List.of(
                "scenario",
                "client",
                unit + "s per round",
                unit + "s/s",
                "× A",
                "client CPU µs/" + unit,
                "× A",
                "× A, per cycle",
                "caller thread",
                "client's threads",
                "container's threads",
                "rest (GC, JIT, ended threads)"));
        if (storm) {
            header.add("failed handshakes");
        }
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (ClientResult r : results) {
            if (r.storm() != storm) {
                continue;
            }
            ClientResult a = results.stream()
                    .filter(o -> o.scenario().equals(r.scenario()) && o.size() == r.size())
                    .findFirst()
                    .orElse(r);
            List<String> cells = new ArrayList<>(List.of(
                    storm ? r.scenario() : clientScenario(r.scenario(), r.size()),
                    r.client(),
                    r.units() < 10_000 ? Long.toString(r.units()) : Numbers.format(r.units()),
                    r.rate().format(),
                    r.rate().ratioTo(a.rate()),
                    r.cpu().format(),
                    r.cpu().ratioTo(a.cpu()),
                    r.cpuRatios().isEmpty()
                            ? "–"
                            : r.cpuRatios().stream()
                                    .map(x -> String.format("%.2f", x))
                                    .collect(Collectors.joining(", ")),
                    r.caller().format(),
                    r.clientThreads().format(),
                    r.container().format(),
                    r.rest().format()));
            if (storm) {
                cells.add(Integer.toString(r.failedHandshakes()));
            }
            table.row(cells.toArray(String[]::new));
        }
        return table.toString();
    }

    /** {@code send 64 B}, {@code send 4 KiB, no I/O}: the size after the direction. */
    static String clientScenario(String scenario, int size) {
        String[] words = scenario.split(",", 2);
        return words[0] + " " + size(size) + (words.length > 1 ? "," + words[1] : "");
    }

    /**
     * The reconnecting client's own CPU per message, from the no-I/O rows (B − A, Java threads), over A's CPU per
     * message on Tyrus (process): how much B adds to what a message costs a bare client; next to it the ratio the
     * Tyrus rows measured directly, within their noise.
     */
    static String clientOverhead(List<ClientResult> results) {
        MarkdownTable table = new MarkdownTable(
                "scenario",
                "B − A, no I/O: ns/message",
                "A on Tyrus: µs/message",
                "B's own cost over A's, per message",
                "B ÷ A on Tyrus, measured",
                "B′ (each send awaited) ÷ A on Tyrus",
                "target ≤ 5%");
        for (ClientResult b : results) {
            if (b.storm() || !b.client().startsWith("B:") || b.scenario().contains(",")) {
                continue;
            }
            ClientResult a = find(results, b.scenario(), b.size(), "A:");
            ClientResult awaited = find(results, b.scenario(), b.size(), "B′:");
            ClientResult noIoA = find(results, b.scenario() + ", no I/O", b.size(), "A:");
            ClientResult noIoB = find(results, b.scenario() + ", no I/O", b.size(), "B:");
            if (a == null || noIoA == null || noIoB == null) {
                continue;
            }
            double own = noIoB.cpu().median() - noIoA.cpu().median();
            double share = own / a.cpu().median();
            table.row(
                    clientScenario(b.scenario(), b.size()),
                    Numbers.format(own * 1000),
                    a.cpu().format(),
                    String.format("%+.1f%%", share * 100),
                    b.cpu().ratioTo(a.cpu()),
                    awaited == null ? "–" : awaited.cpu().ratioTo(a.cpu()),
                    share <= 0.05 ? "met" : "not met");
        }
        return table.toString();
    }

    /**
     * The history cost: A (no history, {@code broadcast}) and B ({@code @RoomHistory}, {@code broadcastWithPosition})
     * in each configuration, B's ratios to A, and what history adds per broadcast.
     */
    static String historyCost(List<HistoryCostResult> results) {
        MarkdownTable table = new MarkdownTable(
                "configuration",
                "N",
                "size",
                "endpoint",
                "history kept in",
                "broadcasts per burst",
                "deliveries/s (burst)",
                "B ÷ A",
                "server CPU µs/delivery",
                "B ÷ A",
                "B ÷ A, per cycle",
                "B − A, server CPU µs per broadcast",
                "Redis CPU µs per broadcast",
                "Redis commands per broadcast (scripts' calls included)",
                "Redis scripts per broadcast",
                "timed out");
        for (HistoryCostResult r : results) {
            HistoryCostResult a = results.stream()
                    .filter(o -> o.configuration().equals(r.configuration()) && !o.withHistory())
                    .findFirst()
                    .orElse(r);
            boolean b = r != a;
            String perCycle = "–";
            if (b) {
                List<Double> mine = r.cpuPerDelivery().values();
                List<Double> theirs = a.cpuPerDelivery().values();
                StringBuilder ratios = new StringBuilder();
                for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                    ratios.append(i == 0 ? "" : ", ").append(String.format("%.2f", mine.get(i) / theirs.get(i)));
                }
                perCycle = ratios.toString();
            }
            double added = (r.cpuPerDelivery().median() - a.cpuPerDelivery().median()) * r.subscribers();
            table.row(
                    r.configuration(),
                    Integer.toString(r.subscribers()),
                    size(r.size()),
                    r.withHistory() ? "B: @RoomHistory, broadcastWithPosition" : "A: no history, broadcast",
                    r.history(),
                    Integer.toString(r.messagesPerBurst()),
                    r.deliveriesPerSecond().format(),
                    b ? r.deliveriesPerSecond().ratioTo(a.deliveriesPerSecond()) : "–",
                    r.cpuPerDelivery().format(),
                    b ? ratio3(r.cpuPerDelivery(), a.cpuPerDelivery()) : "–",
                    perCycle,
                    b && !Double.isNaN(added) ? Numbers.format(added) : "–",
                    Double.isNaN(r.redisCpuPerBroadcast()) ? "–" : Numbers.format(r.redisCpuPerBroadcast()),
                    Double.isNaN(r.redisCommandsPerBroadcast())
                            ? "–"
                            : String.format("%.2f", r.redisCommandsPerBroadcast()),
                    Double.isNaN(r.redisScriptsPerBroadcast())
                            ? "–"
                            : String.format("%.2f", r.redisScriptsPerBroadcast()),
                    r.incomplete() == 0 ? "" : r.incomplete() + " rounds");
        }
        return table.toString();
    }

    /** The resume after a cut: how soon every client had caught up, R against S. */
    static String resumeTimes(List<ResumeResult> results) {
        MarkdownTable table = new MarkdownTable(
                "cut",
                "history kept in",
                "scenario",
                "clients / rooms",
                "broadcasts/s per room",
                "missed per client",
                "lost per client (older than the snapshot)",
                "server down, ms",
                "connection ended after the cut, p50 / max ms",
                "reconnected after the cut, p50 ms",
                "caught up after reconnecting, p50 / p99 / max ms",
                "all caught up after the cut, ms",
                "… after the server was back, ms",
                "recovered / snapshots per round",
                "other outcomes",
                "not caught up",
                "failed attempts (refused)",
                "closed again with 1013 (history unavailable)",
                "rounds");
        for (ResumeResult r : results) {
            table.row(
                    r.cut(),
                    r.history(),
                    r.scenario(),
                    r.clients() + " / " + r.rooms(),
                    Integer.toString(r.ratePerRoom()),
                    r.missedPerClient().format(),
                    r.lostPerClient().format(),
                    r.downMillis().format(),
                    r.closedP50().format() + " / " + r.closedMax().format(),
                    r.reconnectP50().format(),
                    r.catchUpP50().format() + " / " + r.catchUpP99().format() + " / "
                            + r.catchUpMax().format(),
                    r.allCaughtUp().format(),
                    r.allCaughtUpAfterBack().format(),
                    r.recovered().format() + " / " + r.snapshots().format(),
                    r.outcomes(),
                    Long.toString(r.notCaughtUp()),
                    Long.toString(r.failedAttempts()),
                    Long.toString(r.closedAgain()),
                    Integer.toString(r.rounds()));
        }
        return table.toString();
    }

    /** The resume after a cut: what it cost the server (and Redis), and the bytes it sent, R against S. */
    static String resumeCosts(List<ResumeResult> results) {
        MarkdownTable table = new MarkdownTable(
                "cut",
                "scenario",
                "server CPU in the window, ms",
                "above steady broadcasting, ms",
                "× R",
                "catch-up payload to the clients, KiB",
                "× R",
                "broadcasts sent again that a client had, per client",
                "server wrote in the window, KiB",
                "× R",
                "server write calls in the window",
                "× R",
                "Redis CPU in the window, ms");
        for (ResumeResult r : results) {
            ResumeResult reference = results.stream()
                    .filter(o -> o.cut().equals(r.cut()) && o.scenario().startsWith("R"))
                    .findFirst()
                    .orElse(r);
            boolean other = reference != r;
            Spread kib = scaled(r.catchUpBytes(), 1.0 / 1024);
            Spread written = scaled(r.serverBytes(), 1.0 / 1024);
            table.row(
                    r.cut(),
                    r.scenario().substring(0, 1),
                    r.cpuWindowMillis().format(),
                    r.cpuAboveSteady().format(),
                    other ? r.cpuAboveSteady().ratioTo(reference.cpuAboveSteady()) : "–",
                    kib.format(),
                    other ? r.catchUpBytes().ratioTo(reference.catchUpBytes()) : "–",
                    r.resentPerClient().format(),
                    written.format(),
                    other ? r.serverBytes().ratioTo(reference.serverBytes()) : "–",
                    r.serverWriteCalls().format(),
                    other ? r.serverWriteCalls().ratioTo(reference.serverWriteCalls()) : "–",
                    r.redisCpuMillis().format());
        }
        return table.toString();
    }

    private static Spread scaled(Spread spread, double factor) {
        return Spread.of(spread.values().stream().map(v -> v * factor).toList());
    }

    private static ClientResult find(List<ClientResult> results, String scenario, int size, String client) {
        return results.stream()
                .filter(r -> r.scenario().equals(scenario)
                        && r.size() == size
                        && r.client().startsWith(client))
                .findFirst()
                .orElse(null);
    }

    private static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static List<Double> doubles(List<Long> values) {
        return values.stream().map(Long::doubleValue).toList();
    }

    private static String size(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }
}
