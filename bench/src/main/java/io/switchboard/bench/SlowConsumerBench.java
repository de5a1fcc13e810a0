package io.switchboard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Deliveries;
import io.switchboard.bench.client.Publisher;
import io.switchboard.bench.client.TextListener;
import io.switchboard.bench.report.Spread;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One slow consumer among healthy subscribers, large messages (64 KiB by default, so that what waits for the slow
 * one soon outgrows the kernel's socket buffers, up to 4 MB each way on loopback): in each mode, rounds of back-to-back bursts (the
 * next burst once every healthy subscriber has the previous one) without and then with one subscriber whose
 * client stopped reading ({@code setAutoRead(false)}, a 4 KiB receive buffer). A burst that does not reach the
 * healthy subscribers within a few seconds ends the round as stalled. The server's heap after GC is sampled
 * about once a second during rounds with the slow subscriber.
 */
final class SlowConsumerBench {

    private static final long BURST_TIMEOUT_MILLIS = 8_000;
    private static final String ROOM = "slow";
    /** How long the rounds without a slow subscriber publish (they only give the reference throughput). */
    private static final long BASELINE_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final ServerUnderTest server;
    private final BenchSettings settings;
    private final List<Mode> modes;

    SlowConsumerBench(ServerUnderTest server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
        this.modes = settings.modes(server.switchboardAvailable());
    }

    List<SlowConsumerResult> run() throws Exception {
        int healthy = settings.slowSubscribers() - 1;
        Deliveries deliveries = new Deliveries();
        List<Channel> channels = server.clients().connectAll(server.uri("bench/sub/" + ROOM), healthy, i -> deliveries);
        Map<Mode, List<Double>> without = new EnumMap<>(Mode.class);
        Map<Mode, List<Double>> with = new EnumMap<>(Mode.class);
        Map<Mode, Integer> stalled = new EnumMap<>(Mode.class);
        Map<Mode, Integer> closed = new EnumMap<>(Mode.class);
        Map<Mode, List<Double>> heap = new EnumMap<>(Mode.class);
        try {
            server.awaitSubscribers(ROOM, healthy, 30_000);
            Publisher publisher = server.publisher(ROOM);
            for (Mode mode : modes) {
                without.put(mode, new ArrayList<>());
                with.put(mode, new ArrayList<>());
                stalled.put(mode, 0);
                closed.put(mode, 0);
            }
            for (int cycle = 1; cycle <= settings.slowCycles(); cycle++) {
                for (Mode mode : modes) {
                    Round baseline = round(mode, healthy, deliveries, publisher, BASELINE_NANOS);
                    without.get(mode).add(baseline.deliveriesPerSecond);
                    SlowClient slow = SlowClient.connect(server);
                    server.awaitSubscribers(ROOM, healthy + 1, 30_000);
                    HeapSampler sampler = HeapSampler.start(server);
                    Round round = round(
                            mode,
                            healthy,
                            deliveries,
                            publisher,
                            settings.slowDuration().toNanos());
                    List<Double> samples = sampler.stop();
                    with.get(mode).add(round.deliveriesPerSecond);
                    heap.put(mode, samples);
                    if (round.stalled) {
                        stalled.merge(mode, 1, Integer::sum);
                    }
                    // a client that reads nothing does not see its connection end: ask the server
                    boolean closedByServer =
                            slow.closed.get() || server.control().status(ROOM).ownSubscribers() == healthy;
                    if (closedByServer) {
                        closed.merge(mode, 1, Integer::sum);
                    }
                    log(
                            "cycle %d, %s: %.0f healthy deliveries/s without, %.0f with the slow subscriber%s%s; heap MB %s",
                            cycle,
                            mode.label(),
                            baseline.deliveriesPerSecond,
                            round.deliveriesPerSecond,
                            round.stalled ? " (STALLED)" : "",
                            closedByServer ? " (server closed it)" : "",
                            samples);
                    slow.channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
                    if (!server.awaitProcessed(ROOM, 60_000)) {
                        log("server still busy a minute after the slow subscriber left");
                    }
                    server.awaitSubscribers(ROOM, healthy, 30_000);
                    Thread.sleep(300);
                }
            }
        } finally {
            ClientGroup.closeAll(channels);
        }
        List<SlowConsumerResult> results = new ArrayList<>();
        for (Mode mode : modes) {
            results.add(new SlowConsumerResult(
                    server.name(),
                    mode,
                    healthy,
                    Spread.of(without.get(mode)),
                    Spread.of(with.get(mode)),
                    stalled.get(mode),
                    closed.get(mode),
                    heap.get(mode)));
        }
        return results;
    }

    private record Round(double deliveriesPerSecond, boolean stalled) {}

    private Round round(Mode mode, int healthy, Deliveries deliveries, Publisher publisher, long duration)
            throws Exception {
        if (!server.awaitProcessed(ROOM, 60_000)) {
            log("server still busy before a round");
        }
        int burst = settings.slowBurst();
        long start = System.nanoTime();
        long delivered = 0;
        long end = start;
        boolean stalled = false;
        while (end - start < duration) {
            int round = server.nextRound();
            CompletableFuture<Long> done = deliveries.begin(round, (long) burst * healthy, false);
            publisher.burst(mode.code(), round, burst, settings.slowSize());
            server.published(burst);
            try {
                end = done.get(BURST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                delivered += (long) burst * healthy;
            } catch (TimeoutException e) {
                delivered += deliveries.received();
                end = System.nanoTime();
                stalled = true;
                break;
            }
        }
        return new Round(delivered * 1e9 / (end - start), stalled);
    }

    private void log(String format, Object... args) {
        BenchMain.log(server.name() + ": slow consumer: " + String.format(format, args));
    }

    /** A subscriber whose client reads nothing after its handshake. */
    private static final class SlowClient implements TextListener {
        final AtomicBoolean closed = new AtomicBoolean();
        Channel channel;

        static SlowClient connect(ServerUnderTest server) throws Exception {
            SlowClient slow = new SlowClient();
            slow.channel = server.clients()
                    .connect(server.uri("bench/sub/" + ROOM), slow, 4096)
                    .get(30, TimeUnit.SECONDS);
            slow.channel.config().setAutoRead(false);
            return slow;
        }

        @Override
        public void onText(ByteBuf content) {}

        @Override
        public void onClosed(int code) {
            closed.set(true);
        }
    }

    /** Samples the server's heap after GC about once a second on its own thread. */
    private static final class HeapSampler {
        private final List<Double> samples = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        private HeapSampler(ServerUnderTest server) {
            thread = new Thread(
                    () -> {
                        while (running) {
                            try {
                                double mb = server.control().heapAfterGc() / 1048576.0;
                                synchronized (samples) {
                                    samples.add(Math.round(mb * 10) / 10.0);
                                }
                                for (int i = 0; i < 20 && running; i++) {
                                    Thread.sleep(50);
                                }
                            } catch (InterruptedException e) {
                                return;
                            } catch (RuntimeException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start(ServerUnderTest server) {
            HeapSampler sampler = new HeapSampler(server);
            sampler.thread.start();
            return sampler;
        }

        List<Double> stop() throws InterruptedException {
            running = false;
            thread.join(70_000);
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }
    }
}
