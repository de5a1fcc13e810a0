package io.switchboard.bench;

import io.netty.channel.Channel;
import io.switchboard.bench.client.Arrivals;
import io.switchboard.bench.client.BenchTokens;
import io.switchboard.bench.client.ConnectionFleet;
import io.switchboard.bench.client.Publisher;
import io.switchboard.bench.client.Receipts;
import io.switchboard.bench.launch.GcLog;
import io.switchboard.bench.launch.ServerProcess;
import io.switchboard.bench.report.Spread;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;

/**
 * The capacity part's measurements on one running server, in this order: N plain sessions (connect storm, heap after
 * GC, idle CPU without pings), closed; N plain sessions again (idle CPU with the endpoint's own ping every heartbeat
 * interval), closed; N Switchboard
 * sessions (connect storm, heap, idle CPU under Switchboard's heartbeat, single broadcasts to all N interleaved plain
 * and Switchboard over those same sessions, then a broadcast a second while 1% of them reconnect each second, in
 * windows b, c, c, b), closed; N Switchboard sessions behind a token check (connect storm), closed. Every storm waits
 * until the server itself counts N sessions; every close until it counts none.
 */
final class CapacityRounds {

    static final String PLAIN_ROOM = "cap-plain";
    static final String SWITCHBOARD_ROOM = "cap-sb";
    static final String SECURED_ROOM = "cap-secured";
    /** Payload bytes of each broadcast: small, the stamp and some padding. */
    static final int SIZE = 64;

    private static final long TIMEOUT_MILLIS = 180_000;

    private final ServerUnderTest server;
    private final ConnectionFleet fleet;
    private final CapacitySettings settings;
    private final int n;
    private final BenchTokens tokens;
    private final Path gcLog;
    private final List<CapacityResult> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicInteger churnCursor = new AtomicInteger();
    private int threads;
    private String threadKinds = "";
    private int openFiles;

    /** One connect storm: N handshakes, at most {@code inFlight} at a time; CPU of the server and of this JVM. */
    private record Storm(List<Channel> channels, double wallNanos, double cpuNanos, double clientCpuNanos) {
        double clientCores() {
            return clientCpuNanos / wallNanos;
        }

        double perSecond() {
            return channels.size() / (wallNanos / 1e9);
        }

        double cpuMicrosPerHandshake() {
            return cpuNanos / 1000 / channels.size();
        }

        double cores() {
            return cpuNanos / wallNanos;
        }
    }

    /**
     * One broadcast a second under churn: latencies in ms, the share of N each broadcast reached, the reconnects, and
     * the sessions found closed at the end (a reconnect that failed, or one the server closed), opened again.
     */
    private record Churn(double p50, double p99, double max, double reachedPercent, int reconnects, int failed) {}

    CapacityRounds(
            ServerUnderTest server,
            ConnectionFleet fleet,
            CapacitySettings settings,
            int sessions,
            BenchTokens tokens,
            Path gcLog) {
        this.server = server;
        this.fleet = fleet;
        this.settings = settings;
        this.n = sessions;
        this.tokens = tokens;
        this.gcLog = gcLog;
    }

    List<CapacityResult> results() {
        return results;
    }

    List<String> notes() {
        return notes;
    }

    /** Runs every round; returns what limits the server. */
    CapacityResult.Limits run() throws Exception {
        ServerProcess process = server.process();
        int threadsIdle = process.threads();
        sample();
        warmUp();

        // Plain: the container alone, the application's own set of sessions.
        long heapBefore = server.control().heapAfterGc();
        Storm plain = storm("plain", "bench/cap/plain/" + PLAIN_ROOM, PLAIN_ROOM, false);
        long plainHeap = server.control().heapAfterGc();
        double plainPerSession = (plainHeap - heapBefore) / (double) n;
        log(String.format("heap per plain session %.0f B (%d MB used after GC)", plainPerSession, plainHeap >> 20));
        double[] floor = idle("plain, no pings", PLAIN_ROOM);
        closeAll(plain.channels(), PLAIN_ROOM);
        // Fresh sessions for the pinging window, its first ping one interval after they opened: WildFly 39 closes a
        // plain session that nothing crossed for about a minute (seen between 62 and 92 s), so sessions left from
        // the floor's window would be gone before the first ping.
        Storm again = storm("plain, again for the pinging window", "bench/cap/plain/" + PLAIN_ROOM, PLAIN_ROOM, false);
        server.control().ask("cap-ping " + PLAIN_ROOM + " " + settings.heartbeatSeconds());
        double[] plainPinging = idle("plain, pinging every " + settings.heartbeatSeconds() + " s itself", PLAIN_ROOM);
        server.control().ask("cap-ping " + PLAIN_ROOM + " 0");
        closeAll(again.channels(), PLAIN_ROOM);

        // Switchboard: tracked, in a room, heartbeat.
        heapBefore = server.control().heapAfterGc();
        Storm switchboard = storm("Switchboard", "bench/cap/switchboard/" + SWITCHBOARD_ROOM, SWITCHBOARD_ROOM, false);
        long switchboardHeap = server.control().heapAfterGc();
        double switchboardPerSession = (switchboardHeap - heapBefore) / (double) n;
        log(String.format(
                "heap per Switchboard session %.0f B (%d MB used after GC)",
                switchboardPerSession, switchboardHeap >> 20));
        double[] heartbeat =
                idle("Switchboard, heartbeat every " + settings.heartbeatSeconds() + " s", SWITCHBOARD_ROOM);
        List<Channel> channels = new ArrayList<>(switchboard.channels());
        double[][] broadcasts = broadcasts(channels);
        Churn[] churn = churn(channels);
        Churn plainChurn = churn[0];
        Churn switchboardChurn = churn[1];
        sample();
        closeAll(channels, SWITCHBOARD_ROOM);

        // Switchboard with the token check at the handshake.
        Storm secured = storm("Switchboard with token check", "bench/cap/secured/" + SECURED_ROOM, SECURED_ROOM, true);
        closeAll(secured.channels(), SECURED_ROOM);

        row("connect storm: handshakes/s", plain.perSecond(), switchboard.perSecond(), false, "");
        row(
                "connect storm: server CPU per handshake, µs",
                plain.cpuMicrosPerHandshake(),
                switchboard.cpuMicrosPerHandshake(),
                true,
                "");
        row(
                "connect storm with token check (RS256, Switchboard): handshakes/s",
                plain.perSecond(),
                secured.perSecond(),
                false,
                "plain column: the plain storm, no token");
        row(
                "connect storm with token check: server CPU per handshake, µs",
                plain.cpuMicrosPerHandshake(),
                secured.cpuMicrosPerHandshake(),
                true,
                "plain column: the plain storm, no token");
        row("heap per idle session after GC, bytes", plainPerSession, switchboardPerSession, true, "");
        row("idle, no pings: server CPU, % of a core", floor[0], Double.NaN, true, "the floor: plain, nothing sent");
        row(
                "idle, heartbeat every " + settings.heartbeatSeconds() + " s: server CPU, % of a core",
                plainPinging[0],
                heartbeat[0],
                true,
                "plain: one task pings all; "
                        + String.format(
                                "%.0f and %.0f pings answered in the %d s window",
                                plainPinging[1],
                                heartbeat[1],
                                settings.idleWindow().toSeconds()));
        results.add(new CapacityResult(
                server.name(),
                n,
                "one broadcast to all: ms to the last delivery",
                Spread.of(toList(broadcasts[0])),
                Spread.of(toList(broadcasts[1])),
                true,
                settings.broadcasts() + " each, interleaved, over the same sessions; plain = async loop"));
        results.add(new CapacityResult(
                server.name(),
                n,
                "one broadcast to all: server CPU, ms",
                Spread.of(toList(broadcasts[2])),
                Spread.of(toList(broadcasts[3])),
                true,
                ""));
        long churnSeconds = 2L * churnWindowSeconds();
        String churnNote = String.format(
                "%.1f%% of sessions asked to reconnect a second, %.0f / %.0f reconnects/s achieved; a broadcast reached"
                        + " %.1f%% / %.1f%% of N on average",
                settings.churnPercent(),
                plainChurn.reconnects() / (double) churnSeconds,
                switchboardChurn.reconnects() / (double) churnSeconds,
                plainChurn.reachedPercent(),
                switchboardChurn.reachedPercent());
        row("broadcast 1/s under churn: p50 ms", plainChurn.p50(), switchboardChurn.p50(), true, churnNote);
        row("broadcast 1/s under churn: p99 ms", plainChurn.p99(), switchboardChurn.p99(), true, "");
        row("broadcast 1/s under churn: max ms", plainChurn.max(), switchboardChurn.max(), true, "");
        if (plainChurn.failed() + switchboardChurn.failed() > 0) {
            notes.add(server.name() + ": " + (plainChurn.failed() + switchboardChurn.failed())
                    + " reconnects under churn failed and were opened again afterwards");
        }
        sample();
        notes.add(server.name() + ": threads when it had the most (" + threads + "): " + threadKinds);
        return new CapacityResult.Limits(
                server.name(),
                n,
                heapMaxMb(),
                plainHeap >> 20,
                switchboardHeap >> 20,
                threads,
                threadsIdle,
                threadKinds,
                openFiles,
                GcLog.read(gcLog),
                String.format(
                        "%.2f / %.2f / %.2f (load generator %.2f / %.2f / %.2f)",
                        plain.cores(),
                        switchboard.cores(),
                        secured.cores(),
                        plain.clientCores(),
                        switchboard.clientCores(),
                        secured.clientCores()),
                String.format("%.2f / %.2f", broadcasts[4][0], broadcasts[4][1]));
    }

    /**
     * Opens and closes a few sessions of each endpoint before anything is measured, so that class loading, the JIT
     * and the containers' first-use caches do not fall on whichever storm comes first.
     */
    private void warmUp() throws Exception {
        int count = Math.max(1, Math.min(n / 2, 2000));
        long start = System.nanoTime();
        for (int round = 0; round < 2; round++) {
            List<Channel> plain =
                    fleet.open(server.uri("bench/cap/plain/" + PLAIN_ROOM), count, settings.inFlight(), i -> null);
            awaitCount(PLAIN_ROOM, count);
            ConnectionFleet.closeAll(plain, settings.inFlight());
            awaitCount(PLAIN_ROOM, 0);
            List<Channel> tracked = fleet.open(
                    server.uri("bench/cap/switchboard/" + SWITCHBOARD_ROOM), count, settings.inFlight(), i -> null);
            awaitCount(SWITCHBOARD_ROOM, count);
            ConnectionFleet.closeAll(tracked, settings.inFlight());
            awaitCount(SWITCHBOARD_ROOM, 0);
            List<Channel> secured = fleet.open(
                    server.uri("bench/cap/secured/" + SECURED_ROOM), count / 4 + 1, settings.inFlight(), tokens::token);
            awaitCount(SECURED_ROOM, count / 4 + 1);
            ConnectionFleet.closeAll(secured, settings.inFlight());
            awaitCount(SECURED_ROOM, 0);
        }
        log(String.format(
                "warmed up: %d plain, %d Switchboard and %d token-checked sessions opened and closed twice in %.1f s",
                count, count, count / 4 + 1, (System.nanoTime() - start) / 1e9));
        Thread.sleep(1000);
    }

    private long heapMaxMb() {
        for (String option : settings.serverJvm()) {
            if (option.startsWith("-Xmx")) {
                String size = option.substring(4).toLowerCase();
                long value = Long.parseLong(size.replaceAll("[^0-9]", ""));
                return size.endsWith("g") ? value * 1024 : size.endsWith("m") ? value : value >> 20;
            }
        }
        return -1;
    }

    private Storm storm(String what, String path, String room, boolean withTokens) throws Exception {
        fleet.receipts(null);
        long cpuBefore = server.process().cpuNanos();
        long clientBefore = ClientCpu.processNanos();
        long start = System.nanoTime();
        List<Channel> channels =
                fleet.open(server.uri(path), n, settings.inFlight(), withTokens ? tokens::token : i -> null);
        long wall = System.nanoTime() - start;
        long clientCpu = ClientCpu.processNanos() - clientBefore;
        awaitCount(room, n);
        long cpu = server.process().cpuNanos() - cpuBefore;
        sample();
        Storm storm = new Storm(channels, wall, cpu, clientCpu);
        log(String.format(
                "%s connect storm: %d sessions in %.1f s, %.0f handshakes/s, server CPU %.1f s (%.0f µs each, %.2f"
                        + " cores; load generator %.2f cores), %d threads, %d open files",
                what,
                n,
                wall / 1e9,
                storm.perSecond(),
                cpu / 1e9,
                storm.cpuMicrosPerHandshake(),
                storm.cores(),
                storm.clientCores(),
                server.process().threads(),
                server.process().openFiles()));
        return storm;
    }

    /** Watches the server's CPU with every session idle; {percent of a core, pings answered in the window}. */
    private double[] idle(String what, String room) throws InterruptedException {
        Thread.sleep(1000);
        long pingsBefore = fleet.pingsAnswered();
        long cpuBefore = server.process().cpuNanos();
        long start = System.nanoTime();
        Thread.sleep(settings.idleWindow().toMillis());
        double percent = 100.0 * (server.process().cpuNanos() - cpuBefore) / (System.nanoTime() - start);
        long pings = fleet.pingsAnswered() - pingsBefore;
        int open = server.control().status(room).ownSubscribers();
        log(String.format(
                "idle, %s: %.2f%% of a core, %d pings answered, %d sessions open", what, percent, pings, open));
        if (open != n) {
            notes.add(server.name() + ": " + (n - open) + " sessions closed by the server during the idle window ("
                    + what + ")");
        }
        sample();
        return new double[] {percent, pings};
    }

    /**
     * Single broadcasts to all N, {@code b} and {@code c} interleaved (b c c b ...): {ms plain, ms Switchboard, CPU ms
     * plain, CPU ms Switchboard, {cores plain, cores Switchboard}}.
     */
    private double[][] broadcasts(List<Channel> channels) throws Exception {
        Publisher publisher = server.publisher(SWITCHBOARD_ROOM);
        int rounds = settings.broadcasts();
        // every session the server holds (N, unless it lost some handshakes: then noted by the storm)
        int target = server.control().status(SWITCHBOARD_ROOM).ownSubscribers();
        double[][] out = new double[5][];
        for (int i = 0; i < 4; i++) {
            out[i] = new double[rounds];
        }
        double[] cpu = new double[2];
        double[] wall = new double[2];
        int[] done = new int[2];
        for (int round = 0; round < rounds; round++) {
            for (char mode : round % 2 == 0 ? new char[] {'b', 'c'} : new char[] {'c', 'b'}) {
                int m = mode == 'b' ? 0 : 1;
                int number = server.nextRound();
                Receipts receipts = new Receipts(number, false);
                fleet.receipts(receipts);
                long cpuBefore = server.process().cpuNanos();
                long start = System.nanoTime();
                publisher.burst(mode, number, 1, SIZE);
                server.published(1);
                long deadline = start + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
                while (receipts.counted() < target && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                long cpuNow = server.process().cpuNanos();
                long now = System.nanoTime();
                long counted = receipts.counted();
                double millis = counted < target ? Double.NaN : (receipts.lastArrival() - start) / 1e6;
                out[m][done[m]] = millis;
                out[m + 2][done[m]] = (cpuNow - cpuBefore) / 1e6;
                cpu[m] += cpuNow - cpuBefore;
                wall[m] += now - start;
                done[m]++;
                log(String.format(
                        "one broadcast (%c) to %d: %s ms to the last delivery, server CPU %.0f ms%s",
                        mode,
                        target,
                        Double.isNaN(millis) ? "–" : String.format("%.0f", millis),
                        (cpuNow - cpuBefore) / 1e6,
                        counted < target ? " (" + counted + " delivered in " + TIMEOUT_MILLIS / 1000 + " s)" : ""));
                if (counted < target) {
                    notes.add(server.name() + ": a broadcast (" + mode + ") reached " + counted + " of " + target);
                }
                server.awaitProcessed(SWITCHBOARD_ROOM, TIMEOUT_MILLIS);
                Thread.sleep(1000);
            }
        }
        out[4] = new double[] {cpu[0] / wall[0], cpu[1] / wall[1]};
        publisher.channel().close();
        fleet.receipts(null);
        return out;
    }

    /**
     * A broadcast a second while {@code churnPercent} of the sessions close and reopen each second, in four windows of
     * half the churn window each, plain and Switchboard in the order b, c, c, b so that neither always comes first;
     * each mode's latencies over its two windows together: {plain, Switchboard}.
     */
    private Churn[] churn(List<Channel> channels) throws Exception {
        int seconds = churnWindowSeconds();
        Histogram[] latencies = {new Histogram(3), new Histogram(3)};
        long[][] totals = new long[2][3];
        for (char mode : new char[] {'b', 'c', 'c', 'b'}) {
            int m = mode == 'b' ? 0 : 1;
            long[] window = churnWindow(mode, channels, seconds, latencies[m]);
            for (int i = 0; i < 3; i++) {
                totals[m][i] += window[i];
            }
        }
        Churn[] churn = new Churn[2];
        for (int m = 0; m < 2; m++) {
            churn[m] = new Churn(
                    latencies[m].getValueAtPercentile(50) / 1000.0,
                    latencies[m].getValueAtPercentile(99) / 1000.0,
                    latencies[m].getMaxValue() / 1000.0,
                    100.0 * totals[m][0] / (2.0 * seconds * n),
                    (int) totals[m][1],
                    (int) totals[m][2]);
        }
        return churn;
    }

    /** Each churn window's length: half the churn setting, a second at least. */
    private int churnWindowSeconds() {
        return (int) Math.max(1, settings.churnWindow().toSeconds() / 2);
    }

    /**
     * One churn window: a broadcast a second (half a second in) while sessions close and reopen in 10 ms steps
     * (cursor order across windows, so that a session goes at most once in 100 s at 1%); channels are replaced in
     * the list as they open again, and those found closed at the end are opened again.
     *
     * @return {deliveries counted, reconnects, sessions opened again at the end}
     */
    private long[] churnWindow(char mode, List<Channel> channels, int seconds, Histogram into) throws Exception {
        Publisher publisher = server.publisher(SWITCHBOARD_ROOM);
        AtomicReferenceArray<Channel> slots = new AtomicReferenceArray<>(channels.toArray(Channel[]::new));
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger reconnects = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        double perStep = n * settings.churnPercent() / 100 / 100;
        double[] carry = {0};
        var uri = server.uri("bench/cap/switchboard/" + SWITCHBOARD_ROOM);
        int number = server.nextRound();
        Receipts receipts = new Receipts(number, true);
        fleet.receipts(receipts);
        ScheduledExecutorService churner = Executors.newSingleThreadScheduledExecutor();
        churner.scheduleAtFixedRate(
                () -> {
                    carry[0] += perStep;
                    int k = (int) carry[0];
                    carry[0] -= k;
                    for (int j = 0; j < k; j++) {
                        int i = churnCursor.getAndIncrement() % n;
                        ConnectionFleet.close(slots.get(i));
                        pending.incrementAndGet();
                        reconnects.incrementAndGet();
                        fleet.connect(uri, null).whenComplete((c, e) -> {
                            if (c != null) {
                                slots.set(i, c);
                            } else {
                                failed.incrementAndGet();
                            }
                            pending.decrementAndGet();
                        });
                    }
                },
                0,
                10,
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            for (int s = 0; s < seconds; s++) {
                long wait =
                        start + TimeUnit.SECONDS.toNanos(s) + TimeUnit.MILLISECONDS.toNanos(500) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                publisher.burst(mode, number, 1, SIZE);
                server.published(1);
            }
        } finally {
            churner.shutdown();
            churner.awaitTermination(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        server.awaitProcessed(SWITCHBOARD_ROOM, TIMEOUT_MILLIS);
        // the last broadcast's deliveries: until nothing has arrived for 300 ms, 5 s at most
        Arrivals.awaitSettled(receipts::counted, Long.MAX_VALUE, Duration.ofMillis(300), Duration.ofSeconds(5));
        fleet.receipts(null);
        Histogram latencies = receipts.latencies();
        into.add(latencies);
        double reached = 100.0 * receipts.counted() / ((double) seconds * n);
        // Sessions whose reconnect failed are opened again, so that every round after this one has N.
        int reopened = 0;
        for (int i = 0; i < n; i++) {
            Channel channel = slots.get(i);
            if (!channel.isActive()) {
                slots.set(i, fleet.connect(uri, null).get(60, TimeUnit.SECONDS));
                reopened++;
            }
        }
        channels.clear();
        for (int i = 0; i < n; i++) {
            channels.add(slots.get(i));
        }
        awaitCount(SWITCHBOARD_ROOM, n);
        publisher.channel().close();
        log(String.format(
                "broadcast 1/s (%c) for %d s under %.1f%%/s churn: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f%% of N"
                        + " reached, %d reconnects (%d failed, %d found closed and opened again)",
                mode,
                seconds,
                settings.churnPercent(),
                latencies.getValueAtPercentile(50) / 1000.0,
                latencies.getValueAtPercentile(99) / 1000.0,
                latencies.getMaxValue() / 1000.0,
                reached,
                reconnects.get(),
                failed.get(),
                reopened));
        return new long[] {receipts.counted(), reconnects.get(), reopened};
    }

    private void closeAll(List<Channel> channels, String room) throws InterruptedException {
        long start = System.nanoTime();
        ConnectionFleet.closeAll(channels, settings.inFlight());
        awaitCount(room, 0);
        log(String.format("closed %d sessions in %.1f s", channels.size(), (System.nanoTime() - start) / 1e9));
        Thread.sleep(1000);
    }

    /**
     * Waits until the server's own set for the room holds {@code expected} sessions, for a minute at most; if it does
     * not by then, notes it and goes on with what the server holds (a container that drops I/O events under load
     * leaves sessions that never opened, or never closed: Payara Micro when its worker queue is full).
     *
     * @return the sessions the server holds
     */
    private int awaitCount(String room, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            int count = server.control().status(room).ownSubscribers();
            if (count == expected) {
                return count;
            }
            if (System.nanoTime() > deadline) {
                String lost = server.name() + ": room " + room + " holds " + count + " sessions a minute after the"
                        + " load generator's " + (expected == 0 ? "closes" : expected + " handshakes")
                        + " completed (the server lost I/O events; see its log)";
                log(lost);
                notes.add(lost);
                return count;
            }
            Thread.sleep(50);
        }
    }

    private void sample() {
        int now = server.process().threads();
        if (now > threads) {
            threadKinds = server.process().threadKinds();
        }
        threads = Math.max(threads, now);
        openFiles = Math.max(openFiles, server.process().openFiles());
    }

    private void row(String measurement, double plain, double switchboard, boolean lowerIsBetter, String note) {
        results.add(new CapacityResult(
                server.name(),
                n,
                measurement,
                Spread.of(List.of(plain)),
                Spread.of(List.of(switchboard)),
                lowerIsBetter,
                note));
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    private void log(String message) {
        BenchMain.log(server.name() + ": " + message);
    }
}
