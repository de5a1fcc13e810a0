package io.switchboard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Payload;
import io.switchboard.bench.client.ResumeClient;
import io.switchboard.bench.client.TextListener;
import io.switchboard.bench.launch.ServerProcess;
import io.switchboard.bench.report.Spread;
import io.switchboard.bench.server.ResumeEndpoint;
import io.switchboard.redis.RedisServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The resume scenarios of the history part: {@code resumeClients} clients of {@code ResumeEndpoint} in {@code
 * resumeRooms} rooms, each keeping the last position it saw ({@link ResumeClient}); a publisher per room broadcasts
 * {@code resumeRate} messages a second to each room, before, during and after the cut. Then every connection is cut,
 * either by the server (each session closed with 1012) or by restarting the server process on the same port; the
 * clients reconnect after a uniform random delay of up to {@code resumeJitterMillis} (and again after each failed
 * attempt). In R they name their last position and Switchboard replays what they missed; in S they name none and
 * the endpoint sends a snapshot, the room's last 100 broadcasts as one message. A round ends when every client has
 * caught up. R and S alternate (R, S in odd cycles, S, R in even ones), each round with fresh rooms and connections.
 */
final class ResumeBench implements AutoCloseable {

    private static final long CATCH_UP_TIMEOUT_MILLIS = 30_000;
    /** Publishing before the steady CPU is measured (and until every room's history is full). */
    private static final long SETTLE_MILLIS = 1_000;
    /** How long the steady CPU (broadcasting alone) is measured before the cut. */
    private static final long STEADY_MILLIS = 2_000;

    static final String RESUME = "R: reconnect with ?switchboard-since=<last position>, missed broadcasts replayed";
    static final String SNAPSHOT = "S: reconnect without a position, snapshot of the last 100";

    private final BenchSettings settings;
    private final ClientGroup clients;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "resume-reconnects");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> problems = new ArrayList<>();
    private int rounds;
    private ResumeNode publishVia;

    /**
     * @param settings resumeClients, resumeRooms, resumeRate, resumeJitterMillis, resumeCycles, historySize
     * @param clients  the load generator's connections
     */
    ResumeBench(BenchSettings settings, ClientGroup clients) {
        this.settings = settings;
        this.clients = clients;
    }

    /** What went wrong in rounds that still gave numbers (clients that never caught up, gaps, ...). */
    List<String> problems() {
        return problems;
    }

    /** What one round measured. */
    private record Round(
            double missedPerClient,
            double downMillis,
            double closedP50,
            double closedMax,
            double reconnectP50,
            double catchUpP50,
            double catchUpP99,
            double catchUpMax,
            double allCaughtUp,
            double allCaughtUpAfterBack,
            double cpuWindowMillis,
            double cpuAboveSteady,
            double catchUpBytes,
            double lostPerClient,
            double resentPerClient,
            double serverBytes,
            double serverWriteCalls,
            double redisCpuMillis,
            Map<String, Long> outcomes,
            long notCaughtUp,
            long failedAttempts,
            long closedAgain) {}

    /**
     * R and S in alternation on one server.
     *
     * @param node    the server; restarted for each round's cut if {@code restart}
     * @param restart whether the cut restarts the server (else the server closes every session with 1012)
     * @param redis   the Redis the server's history lives in, or {@code null}
     * @param cut     what the cut is, for the table
     * @param history where the history lives, for the table
     * @param warmUp  whether one unmeasured round of each goes first
     * @param publishVia the node the publishers broadcast through, or {@code null} for {@code node} itself; another
     *                node keeps broadcasting while {@code node} restarts
     * @return R's row, then S's
     */
    List<ResumeResult> run(
            ResumeNode node,
            boolean restart,
            RedisServer redis,
            String cut,
            String history,
            boolean warmUp,
            ResumeNode publishVia)
            throws Exception {
        this.publishVia = publishVia;
        if (warmUp) {
            for (boolean resume : List.of(true, false)) {
                log("%s, %s: warm-up round", cut, resume ? "R" : "S");
                round(node, resume, restart, redis, cut);
            }
        }
        Map<Boolean, List<Round>> measured = new LinkedHashMap<>();
        measured.put(true, new ArrayList<>());
        measured.put(false, new ArrayList<>());
        for (int cycle = 1; cycle <= settings.resumeCycles(); cycle++) {
            for (boolean resume : cycle % 2 == 1 ? List.of(true, false) : List.of(false, true)) {
                Round round = round(node, resume, restart, redis, cut);
                measured.get(resume).add(round);
                log(
                        "%s, %s, cycle %d: %.0f missed per client; reconnected after %.0f ms (p50), caught up %.1f ms "
                                + "(p50) / %.1f ms (p99) / %.1f ms (max) after reconnecting, all after %.0f ms; server "
                                + "CPU %.0f ms (%.0f above steady); catch-up %.0f KiB; server wrote %.0f KiB; Redis CPU %.1f"
                                + " ms; %s; %d not caught up, %d failed attempts",
                        cut,
                        resume ? "R" : "S",
                        cycle,
                        round.missedPerClient(),
                        round.reconnectP50(),
                        round.catchUpP50(),
                        round.catchUpP99(),
                        round.catchUpMax(),
                        round.allCaughtUp(),
                        round.cpuWindowMillis(),
                        round.cpuAboveSteady(),
                        round.catchUpBytes() / 1024,
                        round.serverBytes() / 1024,
                        round.redisCpuMillis(),
                        round.outcomes(),
                        round.notCaughtUp(),
                        round.failedAttempts());
            }
        }
        List<ResumeResult> results = new ArrayList<>();
        for (boolean resume : List.of(true, false)) {
            List<Round> all = measured.get(resume);
            Map<String, Long> outcomes = new LinkedHashMap<>();
            all.forEach(r -> r.outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum)));
            StringBuilder others = new StringBuilder();
            outcomes.forEach((outcome, count) -> {
                // the RoomRecovery outcomes (upper case) other than RECOVERED, and joins without one
                boolean other = outcome.equals("none")
                        || (outcome.equals(outcome.toUpperCase(java.util.Locale.ROOT)) && !outcome.equals("RECOVERED"));
                if (count > 0 && other) {
                    others.append(others.length() == 0 ? "" : ", ")
                            .append(outcome)
                            .append(' ')
                            .append(count);
                }
            });
            results.add(new ResumeResult(
                    resume ? RESUME : SNAPSHOT,
                    cut,
                    history,
                    settings.resumeClients(),
                    settings.resumeRooms(),
                    settings.resumeRate(),
                    spread(all, Round::missedPerClient),
                    spread(all, Round::downMillis),
                    spread(all, Round::closedP50),
                    spread(all, Round::closedMax),
                    spread(all, Round::reconnectP50),
                    spread(all, Round::catchUpP50),
                    spread(all, Round::catchUpP99),
                    spread(all, Round::catchUpMax),
                    spread(all, Round::allCaughtUp),
                    spread(all, Round::allCaughtUpAfterBack),
                    spread(all, Round::cpuWindowMillis),
                    spread(all, Round::cpuAboveSteady),
                    spread(all, Round::catchUpBytes),
                    spread(all, Round::lostPerClient),
                    spread(all, Round::resentPerClient),
                    spread(all, Round::serverBytes),
                    spread(all, Round::serverWriteCalls),
                    spread(all, Round::redisCpuMillis),
                    spread(all, r -> r.outcomes().getOrDefault("RECOVERED", 0L)),
                    spread(all, r -> r.outcomes().getOrDefault("snapshots", 0L)),
                    others.length() == 0 ? "–" : others.toString(),
                    all.stream().mapToLong(Round::notCaughtUp).sum(),
                    all.stream().mapToLong(Round::failedAttempts).sum(),
                    all.stream().mapToLong(Round::closedAgain).sum(),
                    all.size()));
        }
        return results;
    }

    private Round round(ResumeNode node, boolean resume, boolean restart, RedisServer redis, String cut)
            throws Exception {
        int id = ++rounds;
        int total = settings.resumeClients();
        int roomCount = settings.resumeRooms();
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < roomCount; i++) {
            rooms.add("resume-" + id + "-" + i);
        }
        Tracker tracker = new Tracker(total);
        Publishers publishers = new Publishers(rooms, settings.resumeRate(), settings.historySize());
        List<ResumeClient> all = new ArrayList<>();
        try {
            ServerUnderTest server = node.server();
            long jitter = TimeUnit.MILLISECONDS.toNanos(settings.resumeJitterMillis());
            for (int i = 0; i < total; i++) {
                URI uri = server.uri("bench/resume/" + rooms.get(i % roomCount));
                all.add(new ResumeClient(clients, uri, i % roomCount, resume, jitter, scheduler, publishers, tracker));
            }
            connectAll(all);
            for (int i = 0; i < roomCount; i++) {
                server.awaitSubscribers(rooms.get(i), total / roomCount + (i < total % roomCount ? 1 : 0), 30_000);
            }
            publishers.connect(publishVia == null ? server : publishVia.server());
            publishers.start();
            Thread.sleep(SETTLE_MILLIS);
            publishers.awaitHistoryFull(ResumeEndpoint.HISTORY_SIZE);
            ServerProcess process = server.process();
            long steadyCpu0 = process.cpuNanos();
            long steady0 = System.nanoTime();
            Thread.sleep(STEADY_MILLIS);
            double steadyCpuPerNano = (double) (process.cpuNanos() - steadyCpu0) / (System.nanoTime() - steady0);
            Map<String, Long> before = counters(server);
            RedisStats redis0 = redis == null ? null : RedisStats.read(redis);

            long cutAt = System.nanoTime();
            long windowFrom = cutAt;
            long cpuFrom = process.cpuNanos();
            long writtenFrom = process.bytesWritten();
            long writesFrom = process.usage().writeCalls();
            double down = Double.NaN;
            if (restart) {
                node.restart();
                windowFrom = node.started().at();
                down = (windowFrom - cutAt) / 1e6;
                server = node.server();
                process = server.process();
                cpuFrom = node.started().cpuNanos();
                writtenFrom = node.started().bytesWritten();
                writesFrom = node.started().writeCalls();
                before = Map.of();
                if (publishVia == null) {
                    publishers.connect(server);
                }
            } else {
                String answer = server.control().ask("resume-drop");
                if (!answer.equals("dropped " + total)) {
                    problems.add(cut + ": the server answered '" + answer + "' to the drop of " + total);
                }
            }
            long end;
            try {
                end = tracker.all.get(CATCH_UP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                end = System.nanoTime();
            }
            long cpuTo = process.cpuNanos();
            long writtenTo = process.bytesWritten();
            long writesTo = process.usage().writeCalls();
            RedisStats redisUsed =
                    redis0 == null ? null : RedisStats.read(redis).since(redis0);
            publishers.stop();
            Thread.sleep(200);
            Map<String, Long> after = counters(server);
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, Long> entry : after.entrySet()) {
                if (!entry.getKey().equals("open")) {
                    long grew = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
                    outcomes.put(entry.getKey(), grew);
                }
            }
            return measure(
                    all,
                    cut,
                    resume,
                    cutAt,
                    windowFrom,
                    end,
                    down,
                    cpuFrom,
                    cpuTo,
                    steadyCpuPerNano,
                    writtenFrom,
                    writtenTo,
                    writesTo < 0 || writesFrom < 0 ? Double.NaN : writesTo - writesFrom,
                    redisUsed,
                    outcomes);
        } finally {
            publishers.stop();
            List<Channel> open = new ArrayList<>();
            for (ResumeClient client : all) {
                Channel channel = client.stop();
                if (channel != null) {
                    open.add(channel);
                }
            }
            ClientGroup.closeAll(open);
            publishers.close();
            for (String room : rooms) {
                node.server().awaitSubscribers(room, 0, 30_000);
            }
        }
    }

    private Round measure(
            List<ResumeClient> all,
            String cut,
            boolean resume,
            long cutAt,
            long windowFrom,
            long end,
            double down,
            long cpuFrom,
            long cpuTo,
            double steadyCpuPerNano,
            long writtenFrom,
            long writtenTo,
            double writeCalls,
            RedisStats redisUsed,
            Map<String, Long> outcomes) {
        List<Double> reconnect = new ArrayList<>();
        List<Double> closed = new ArrayList<>();
        List<Double> catchUp = new ArrayList<>();
        double missed = 0;
        double catchUpBytes = 0;
        long notCaughtUp = 0;
        long failed = 0;
        long gaps = 0;
        long duplicates = 0;
        long lost = 0;
        long epochChanges = 0;
        long cutAgain = 0;
        long lastCaughtUp = cutAt;
        for (ResumeClient client : all) {
            failed += client.failedAttempts();
            gaps += client.gapsBeforeCut();
            duplicates += client.duplicates();
            lost += client.lost();
            epochChanges += client.epochChanges();
            cutAgain += client.closesAfterReconnect();
            if (client.closedAt() > 0) {
                closed.add((client.closedAt() - cutAt) / 1e6);
            }
            if (client.connectedAt() > 0) {
                reconnect.add((client.connectedAt() - cutAt) / 1e6);
            }
            if (client.caughtUpAt() == 0) {
                notCaughtUp++;
                continue;
            }
            lastCaughtUp = Math.max(lastCaughtUp, client.caughtUpAt());
            catchUp.add((client.caughtUpAt() - client.connectedAt()) / 1e6);
            missed += client.target() - client.lastBeforeCut();
            catchUpBytes += client.catchUpBytes();
        }
        String scenario = cut + ", " + (resume ? "R" : "S");
        all.stream()
                .filter(client -> client.caughtUpAt() == 0)
                .limit(3)
                .forEach(client -> log("%s: not caught up: %s", resume ? "R" : "S", client.describe()));
        all.stream()
                .map(ResumeClient::firstDuplicate)
                .filter(java.util.Objects::nonNull)
                .limit(resume ? 5 : 1)
                .forEach(example -> log("%s: %s", resume ? "R" : "S", example));
        if (notCaughtUp > 0) {
            problems.add(scenario + ": " + notCaughtUp + " of " + all.size() + " clients had not caught up after "
                    + CATCH_UP_TIMEOUT_MILLIS / 1000 + " s");
        }
        if (gaps > 0) {
            problems.add(scenario + ": clients missed " + gaps + " broadcasts before the cut");
        }
        if (epochChanges > 0) {
            problems.add(scenario + ": " + epochChanges + " epoch changes (history lost)");
        }
        long snapshotFailed = outcomes.getOrDefault("snapshotFailed", 0L);
        if (snapshotFailed > 0) {
            problems.add(scenario + ": " + snapshotFailed + " snapshots could not be made (history unreadable); "
                    + "those sessions were closed with 1013 and came back");
        }
        Collections.sort(catchUp);
        Collections.sort(reconnect);
        Collections.sort(closed);
        int caught = all.size() - (int) notCaughtUp;
        double cpuMillis = (cpuTo - cpuFrom) / 1e6;
        return new Round(
                caught == 0 ? Double.NaN : missed / caught,
                down,
                percentile(closed, 50),
                percentile(closed, 100),
                percentile(reconnect, 50),
                percentile(catchUp, 50),
                percentile(catchUp, 99),
                percentile(catchUp, 100),
                notCaughtUp > 0 ? Double.NaN : (lastCaughtUp - cutAt) / 1e6,
                notCaughtUp > 0 || windowFrom == cutAt ? Double.NaN : (lastCaughtUp - windowFrom) / 1e6,
                cpuMillis,
                cpuMillis - steadyCpuPerNano * (end - windowFrom) / 1e6,
                catchUpBytes,
                (double) lost / all.size(),
                (double) duplicates / all.size(),
                writtenFrom < 0 || writtenTo < 0 ? Double.NaN : writtenTo - writtenFrom,
                writeCalls,
                redisUsed == null ? Double.NaN : redisUsed.cpuMicros() / 1e3,
                outcomes,
                notCaughtUp,
                failed,
                cutAgain);
    }

    /** Opens every client's first connection, 64 handshakes at a time. */
    private static void connectAll(List<ResumeClient> all) throws Exception {
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<ResumeClient>> opening = new ArrayList<>();
        for (ResumeClient client : all) {
            inFlight.acquire();
            CompletableFuture<ResumeClient> opened = client.connect();
            opened.whenComplete((c, e) -> inFlight.release());
            opening.add(opened);
        }
        for (CompletableFuture<ResumeClient> opened : opening) {
            opened.get(60, TimeUnit.SECONDS);
        }
    }

    /** The resume endpoint's counters, since the server started. */
    private static Map<String, Long> counters(ServerUnderTest server) {
        Map<String, Long> counters = new LinkedHashMap<>();
        String[] words = server.control().ask("resume").split(" ");
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            counters.put(words[i].substring(0, eq), Long.parseLong(words[i].substring(eq + 1)));
        }
        return counters;
    }

    private static double percentile(List<Double> sorted, double percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static Spread spread(List<Round> rounds, java.util.function.ToDoubleFunction<Round> value) {
        List<Double> values = new ArrayList<>();
        rounds.forEach(r -> values.add(value.applyAsDouble(r)));
        return Spread.of(values);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** Counts the clients that caught up; completes with the {@code nanoTime} the last one did. */
    private static final class Tracker implements ResumeClient.Progress {
        final CompletableFuture<Long> all = new CompletableFuture<>();
        final AtomicInteger caughtUp = new AtomicInteger();
        final int total;

        Tracker(int total) {
            this.total = total;
        }

        @Override
        public void caughtUp(ResumeClient client) {
            if (caughtUp.incrementAndGet() == total) {
                all.complete(System.nanoTime());
            }
        }
    }

    /**
     * One publisher connection per room, paced by one thread: {@code rate} broadcasts a second to each room, the
     * rooms in turn. The server answers each with the position it got ({@code at <epoch>:<offset>}); the latest per
     * room is what a client must reach to be caught up. A room whose connection is down (a restart) is skipped until
     * {@link #connect} opens it again.
     */
    private static final class Publishers implements ResumeClient.Acks, AutoCloseable {
        private final List<String> rooms;
        private final AtomicReferenceArray<Channel> channels;
        private final AtomicLongArray latest;
        private final long intervalNanos;
        private final int size;
        private volatile boolean running;
        private Thread thread;

        Publishers(List<String> rooms, int ratePerRoom, int size) {
            this.rooms = rooms;
            this.channels = new AtomicReferenceArray<>(rooms.size());
            this.latest = new AtomicLongArray(rooms.size());
            this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / ((long) ratePerRoom * rooms.size());
            this.size = size;
        }

        @Override
        public long latest(int room) {
            return latest.get(room);
        }

        /** Opens (again) every room's publisher connection to this server. */
        void connect(ServerUnderTest server) throws Exception {
            for (int i = 0; i < rooms.size(); i++) {
                int room = i;
                TextListener acks = new TextListener() {
                    @Override
                    public void onText(ByteBuf content) {
                        String text = content.toString(StandardCharsets.US_ASCII);
                        long offset = Long.parseLong(text.substring(text.lastIndexOf(':') + 1));
                        latest.accumulateAndGet(room, offset, Math::max);
                    }
                };
                Channel channel = server.clients()
                        .connect(server.uri("bench/resume-pub/" + rooms.get(i)), acks, 0)
                        .get(30, TimeUnit.SECONDS);
                Channel old = channels.getAndSet(i, channel);
                if (old != null) {
                    old.close();
                }
            }
        }

        /** Waits until every room has had at least this many broadcasts, so that its history is full. */
        void awaitHistoryFull(int broadcasts) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int i = 0; i < rooms.size(); i++) {
                while (latest.get(i) < broadcasts) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("room " + rooms.get(i) + " had " + latest.get(i)
                                + " broadcasts after 60 s; expected " + broadcasts);
                    }
                    Thread.sleep(50);
                }
            }
        }

        void start() {
            running = true;
            thread = new Thread(this::pace, "resume-publishers");
            thread.setDaemon(true);
            thread.start();
        }

        private void pace() {
            long next = System.nanoTime();
            for (long tick = 0; running; tick++) {
                long wait = next - System.nanoTime();
                while (wait > 0 && running) {
                    LockSupport.parkNanos(wait);
                    wait = next - System.nanoTime();
                }
                if (-wait > TimeUnit.SECONDS.toNanos(1)) {
                    next = System.nanoTime(); // fell far behind (a pause): no catching up in a burst
                }
                next += intervalNanos;
                Channel channel = channels.get((int) (tick % rooms.size()));
                if (channel != null && channel.isActive()) {
                    String text = Payload.compose(0, System.nanoTime(), size);
                    channel.writeAndFlush(
                            new TextWebSocketFrame(ByteBufUtil.writeAscii(channel.alloc(), text)),
                            channel.voidPromise());
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join(5_000);
            }
        }

        @Override
        public void close() {
            List<Channel> open = new ArrayList<>();
            for (int i = 0; i < channels.length(); i++) {
                if (channels.get(i) != null) {
                    open.add(channels.get(i));
                }
            }
            ClientGroup.closeAll(open);
        }
    }

    private static void log(String format, Object... args) {
        BenchMain.log("history resume: " + String.format(format, args));
    }
}
