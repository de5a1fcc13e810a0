package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.Arrivals;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Control;
import io.switchboard.bench.client.Flooder;
import io.switchboard.bench.client.PacedSenders;
import io.switchboard.bench.client.RoomTraffic;
import io.switchboard.bench.report.Spread;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A room of healthy clients, each sending a small message at a fixed interval that the server broadcasts to the
 * room (the sender included), and in some rounds one client that floods the same room as fast as it can: without
 * a flooder, then with one against a rate limit that closes, one that drops, and no limit (see
 * {@link FloodScenario}), interleaved. Each round has a fresh room and fresh connections. The flooder has an
 * event loop of its own, so that its writes do not delay what the healthy clients receive.
 */
final class FloodBench {

    /** Bytes per message, healthy or flooding. */
    static final int SIZE = 64;
    /** How long the healthy clients may still receive after the last send before the rest counts as lost. */
    private static final long DRAIN_MILLIS = 10_000;

    private final ServerUnderTest server;
    private final BenchSettings settings;

    FloodBench(ServerUnderTest server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    List<FloodResult> run() throws Exception {
        Map<FloodScenario, Rounds> rounds = new EnumMap<>(FloodScenario.class);
        try (ClientGroup flooderLoop = new ClientGroup(1)) {
            // unmeasured: the paths of a round, and the limiter's, compiled before the first measured one
            long warmUp = Math.min(settings.floodDuration().toNanos(), TimeUnit.SECONDS.toNanos(5));
            round(FloodScenario.BASELINE, flooderLoop, warmUp, new Rounds(), 0);
            round(FloodScenario.DROP, flooderLoop, warmUp, new Rounds(), 0);
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                for (FloodScenario scenario : FloodScenario.values()) {
                    round(
                            scenario,
                            flooderLoop,
                            settings.floodDuration().toNanos(),
                            rounds.computeIfAbsent(scenario, s -> new Rounds()),
                            cycle);
                }
            }
        }
        List<FloodResult> results = new ArrayList<>();
        rounds.forEach((scenario, r) -> results.add(r.result(server.name(), scenario, settings.floodHealthy())));
        return results;
    }

    private void round(FloodScenario scenario, ClientGroup flooderLoop, long durationNanos, Rounds into, int cycle)
            throws Exception {
        int n = settings.floodHealthy();
        int round = server.nextRound();
        String room = "flood-" + round;
        URI uri = server.uri("bench/flood/" + scenario.path() + "/" + room);
        RoomTraffic traffic = new RoomTraffic(round);
        List<Channel> healthy = server.clients().connectAll(uri, n, i -> traffic);
        Flooder flooder = scenario.flooder() ? Flooder.connect(flooderLoop, uri) : null;
        try {
            if (!awaitMembers(room, n + (flooder == null ? 0 : 1))) {
                throw new IllegalStateException(server.name() + ": flood room " + room + " did not fill in a minute");
            }
            Control.FloodCounters before = server.control().flood();
            long cpuBefore = server.process().cpuNanos();
            long wallBefore = System.nanoTime();
            if (flooder != null) {
                flooder.start(round, SIZE);
            }
            long sent =
                    PacedSenders.run(healthy, round, settings.floodInterval().toNanos(), durationNanos, SIZE);
            double cpuPercent = 100.0 * (server.process().cpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
            if (flooder != null) {
                flooder.stop();
            }
            long expected = sent * n;
            Arrivals.awaitSettled(traffic::healthy, expected, Duration.ofSeconds(2), Duration.ofMillis(DRAIN_MILLIS));
            long lost = expected - traffic.healthy();
            long closed = traffic.closed();
            Histogram latencies = traffic.latencies();
            Control.FloodCounters after = server.control().flood();
            int code = flooder == null ? 0 : flooder.closeCode();
            into.add(
                    sent,
                    lost,
                    closed,
                    latencies,
                    flooder,
                    after.flood() - before.flood(),
                    after.rateLimited() - before.rateLimited(),
                    after.closed1008() - before.closed1008(),
                    cpuPercent);
            if (cycle > 0) {
                BenchMain.log(String.format(
                        "%s: flood, cycle %d, %s: %d healthy messages, %d lost, %d closed; "
                                + "p50 %.2f p99 %.2f max %.2f ms; flooder sent %d, accepted %d, dropped %d, "
                                + "closed %s; server CPU %.1f%% of a core%s",
                        server.name(),
                        cycle,
                        scenario.label(),
                        sent,
                        lost,
                        closed,
                        latencies.getValueAtPercentile(50) / 1000.0,
                        latencies.getValueAtPercentile(99) / 1000.0,
                        latencies.getMaxValue() / 1000.0,
                        flooder == null ? 0 : flooder.sent(),
                        after.flood() - before.flood(),
                        after.rateLimited() - before.rateLimited(),
                        code == 0 ? "no" : code + String.format(" after %.0f ms", flooder.closedAfterMillis()),
                        cpuPercent,
                        traffic.stale() > 0 ? "; " + traffic.stale() + " stale" : ""));
            }
        } finally {
            if (flooder != null) {
                flooder.stop();
                flooder.close();
            }
            ClientGroup.closeAll(healthy);
        }
        if (!awaitMembers(room, 0)) {
            BenchMain.log(server.name() + ": flood room " + room + " still has members a minute after the round");
        }
        awaitQuiet();
    }

    /** Waits (up to 30 s) until the server uses less than a tenth of a core, so that no round inherits work. */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            long cpu = server.process().cpuNanos();
            long wall = System.nanoTime();
            Thread.sleep(500);
            if (server.process().cpuNanos() - cpu < (System.nanoTime() - wall) / 10) {
                return;
            }
        } while (System.nanoTime() < deadline);
        BenchMain.log(server.name() + ": still busy 30 s after a flood round");
    }

    /** Waits up to a minute until the room has exactly {@code expected} members; whether it did. */
    private boolean awaitMembers(String room, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.control().status(room).roomMembers() != expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The values one scenario took, round after round. */
    private static final class Rounds {
        final List<Long> sent = new ArrayList<>();
        final List<Long> lost = new ArrayList<>();
        final List<Long> closed = new ArrayList<>();
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        final List<Double> max = new ArrayList<>();
        final List<Double> floodSent = new ArrayList<>();
        final List<Double> floodAccepted = new ArrayList<>();
        final List<Double> floodDropped = new ArrayList<>();
        final List<Integer> codes = new ArrayList<>();
        final List<Long> closed1008 = new ArrayList<>();
        final List<Double> closedAfter = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();

        void add(
                long sent,
                long lost,
                long closed,
                Histogram latencies,
                Flooder flooder,
                long accepted,
                long dropped,
                long closed1008,
                double cpuPercent) {
            this.sent.add(sent);
            this.lost.add(lost);
            this.closed.add(closed);
            boolean any = latencies.getTotalCount() > 0;
            p50.add(any ? latencies.getValueAtPercentile(50) / 1000.0 : Double.NaN);
            p99.add(any ? latencies.getValueAtPercentile(99) / 1000.0 : Double.NaN);
            max.add(any ? latencies.getMaxValue() / 1000.0 : Double.NaN);
            if (flooder != null) {
                floodSent.add((double) flooder.sent());
                floodAccepted.add((double) accepted);
                floodDropped.add((double) dropped);
                codes.add(flooder.closeCode());
                if (flooder.closeCode() != 0) {
                    closedAfter.add(flooder.closedAfterMillis());
                }
            }
            this.closed1008.add(closed1008);
            cpu.add(cpuPercent);
        }

        FloodResult result(String server, FloodScenario scenario, int healthy) {
            return new FloodResult(
                    server,
                    scenario,
                    healthy,
                    sent,
                    lost,
                    closed,
                    Spread.of(p50),
                    Spread.of(p99),
                    Spread.of(max),
                    Spread.of(floodSent),
                    Spread.of(floodAccepted),
                    Spread.of(floodDropped),
                    codes,
                    closed1008,
                    Spread.of(closedAfter),
                    Spread.of(cpu));
        }
    }
}
