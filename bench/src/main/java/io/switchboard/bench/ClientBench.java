package io.switchboard.bench;

import io.switchboard.bench.ClientPeers.Bare;
import io.switchboard.bench.ClientPeers.Peer;
import io.switchboard.bench.ClientPeers.Reconnecting;
import io.switchboard.bench.launch.ServerProcess;
import io.switchboard.bench.launch.TyrusLauncher;
import io.switchboard.bench.report.Spread;
import io.switchboard.client.ClientListener;
import io.switchboard.client.ClientOptions;
import io.switchboard.client.ClientState;
import io.switchboard.client.ClientStateChanged;
import io.switchboard.client.runtime.ReconnectingClient;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The reconnecting client's cost against a bare JSR 356 client ({@code parts=client}): both in this JVM, on the
 * container {@code ContainerProvider.getWebSocketContainer()} gives (Tyrus's client on Grizzly), against one Tyrus
 * standalone server in a JVM of its own, so that this JVM's CPU time is the clients' alone.
 *
 * <ul>
 *   <li><b>send</b>: {@code clientMessages} text messages of each size as fast as the send path takes them, to an
 *       endpoint that counts them; the round ends when the server's count, asked for after the last one, comes
 *       back;</li>
 *   <li><b>receive</b>: the server pushes {@code clientMessages} messages, blocking sends back to back; the round
 *       ends when the last one arrived;</li>
 *   <li><b>no I/O</b>: both directions again on {@link ClientNoIo}'s container, which does no I/O: each client's
 *       own code per message, the reconnecting client's cost with nothing around it;</li>
 *   <li><b>reconnect storm</b>: the server closes each connection with 1012 as it opens; A connects again as soon
 *       as its endpoint's {@code onClose} has run, B (backoff initial = max = 1 ms) on its own; the round ends with
 *       the {@code clientReconnects}-th close.</li>
 * </ul>
 *
 * A and B alternate, A, B in odd cycles and B, A in even ones, after one unmeasured round each.
 */
final class ClientBench {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Failed handshakes a storm round tolerates (each costs up to the timeout) before it fails. */
    private static final int MAX_FAILURES = 5;

    static final String SEND_NO_IO = "send, no I/O";
    static final String RECEIVE_NO_IO = "receive, no I/O";
    /** The no-I/O rounds send this many times {@code clientMessages}: each message costs far less there. */
    private static final int NO_IO_FACTOR = 10;
    /** Where the no-I/O clients "connect" (ClientOptions wants a ws:// URL with a host). */
    private static final URI NO_IO = URI.create("ws://no-io.invalid/bench/client/peer");

    private static final String STORM = "reconnect storm";

    private final BenchSettings settings;
    private final Path workDir;
    private final WebSocketContainer container = ContainerProvider.getWebSocketContainer();
    /** Held here: the logging framework keeps its loggers weakly, and with them this configuration. */
    private Logger clientLog;

    private FileHandler clientLogFile;

    private final List<String> problems = new ArrayList<>();
    private int clients;

    /**
     * @param settings sizes, clientMessages, clientReconnects, clientCycles, serverJvm
     * @param workDir  the server's log and the clients' own go here
     */
    ClientBench(BenchSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    /**
     * Both directions at every size, then the storm. A scenario that fails is left out of the results and named in
     * {@link #problems()}; the others still run.
     */
    List<ClientResult> run() throws Exception {
        Files.createDirectories(workDir);
        logClientsToFile();
        List<ClientResult> results = new ArrayList<>();
        try (ServerProcess server =
                TyrusLauncher.start("Tyrus standalone", workDir, settings.serverJvm(), START_TIMEOUT)) {
            log("server pid %d at %s", server.pid(), server.base());
            URI peer = server.base().resolve("bench/client/peer");
            for (String scenario : List.of("send", "receive")) {
                for (int size : settings.sizes()) {
                    attempt(
                            Tables.clientScenario(scenario, size),
                            results,
                            () -> throughput(peer, scenario, size, container, settings.clientMessages()));
                }
            }
            WebSocketContainer noIo = ClientNoIo.container();
            for (String scenario : List.of(SEND_NO_IO, RECEIVE_NO_IO)) {
                for (int size : settings.sizes()) {
                    attempt(
                            Tables.clientScenario(scenario, size),
                            results,
                            () -> throughput(NO_IO, scenario, size, noIo, NO_IO_FACTOR * settings.clientMessages()));
                }
            }
            URI drop = server.base().resolve("bench/client/drop");
            attempt(STORM, results, () -> storm(drop, STORM, container));
        } finally {
            clientLog.removeHandler(clientLogFile);
            clientLogFile.close();
        }
        return results;
    }

    /** What failed, one line a scenario. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private interface Scenario {
        List<ClientResult> run() throws Exception;
    }

    private void attempt(String name, List<ClientResult> results, Scenario scenario) {
        try {
            results.addAll(scenario.run());
        } catch (Exception e) {
            problems.add("client, " + name + ": " + e);
            log("FAILED: %s: %s", name, e);
            e.printStackTrace();
        }
    }

    /**
     * The reconnecting client logs each lost connection and each reconnect at INFO (through {@code System.Logger},
     * to {@code java.util.logging} here): to {@code client.log} in the work directory, as a service's log would go
     * to a file, rather than to this launcher's standard error, which the storm would flood.
     */
    private void logClientsToFile() throws IOException {
        clientLog = Logger.getLogger(ReconnectingClient.class.getName());
        clientLogFile = new FileHandler(workDir.resolve("client.log").toString(), false);
        clientLogFile.setFormatter(new SimpleFormatter());
        clientLog.addHandler(clientLogFile);
        clientLog.setUseParentHandlers(false);
    }

    // --- send and receive ----------------------------------------------------------------------------------------

    /**
     * One direction and size, A and B (and for sends over I/O, B′) interleaved: A, B, B′ in odd cycles, the reverse
     * in even ones.
     *
     * @param scenario  {@code send} or {@code receive}, and {@code , no I/O} on the container that does none
     * @param container Tyrus's, or {@link ClientNoIo}'s
     * @param messages  per round
     */
    private List<ClientResult> throughput(
            URI uri, String scenario, int size, WebSocketContainer container, int messages) throws Exception {
        String direction = scenario.split(",")[0];
        boolean noIo = container != this.container;
        String text = "x".repeat(size);
        boolean send = direction.equals("send") && !noIo;
        try (Peer a = new Bare(container, uri);
                Peer b = new Reconnecting(container, uri, "bench-" + ++clients, false);
                Peer b1 = new Reconnecting(container, uri, "bench-" + ++clients, true)) {
            // B′ where running ahead can matter: sends over real I/O (without I/O every send completes at once).
            List<Peer> peers = send ? List.of(a, b, b1) : List.of(a, b);
            List<Rounds> rounds = new ArrayList<>();
            for (Peer peer : peers) {
                rounds.add(new Rounds(peer.label(), noIo));
            }
            String label = Tables.clientScenario(scenario, size);
            for (Peer peer : peers) {
                Measurement warm = messages(peer, direction, text, size, messages);
                log("%s, warm-up, %s: %s", label, peer.label(), warm);
            }
            for (int cycle = 1; cycle <= settings.clientCycles(); cycle++) {
                List<Peer> order = new ArrayList<>(peers);
                if (cycle % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (Peer peer : order) {
                    Measurement m = messages(peer, direction, text, size, messages);
                    rounds.get(peers.indexOf(peer)).add(m);
                    log("%s, cycle %d, %s: %s", label, cycle, peer.label(), m);
                }
            }
            List<ClientResult> results = new ArrayList<>();
            for (Rounds r : rounds) {
                results.add(r.result(scenario, size, messages, r == rounds.get(0) ? null : rounds.get(0)));
            }
            return results;
        }
    }

    private static Measurement messages(Peer peer, String direction, String text, int size, int messages)
            throws Exception {
        settle();
        ClientCpu.Snapshot before = ClientCpu.now();
        long start = System.nanoTime();
        if (direction.equals("send")) {
            long counted = peer.send(text, messages);
            if (counted != messages) {
                throw new IllegalStateException(
                        peer.label() + " sent " + messages + " messages and the server counted " + counted);
            }
        } else {
            peer.receive(messages, size);
        }
        long wall = System.nanoTime() - start;
        ClientCpu.Snapshot after = ClientCpu.now();
        return new Measurement(messages, wall, ClientCpu.between(before, after, Thread.currentThread()), 0);
    }

    // --- the reconnect storm -------------------------------------------------------------------------------------

    /**
     * A's naive loop and B, interleaved.
     *
     * @param scenario  its name in the tables
     * @param container the default one, which opens a Grizzly transport (selector and worker threads) for each
     *                  connection and shuts it down after, and its own executors whenever no connection is left
     */
    private List<ClientResult> storm(URI uri, String scenario, WebSocketContainer container) throws Exception {
        int connections = settings.clientReconnects();
        String a = "A: bare JSR 356 client, reconnecting on close";
        String b = "B: ReconnectingClient, backoff 1 ms";
        Rounds ra = new Rounds(a, false);
        Rounds rb = new Rounds(b, false);
        log("%s, warm-up, %s: %s", scenario, a, naiveLoop(container, uri, connections));
        log("%s, warm-up, %s: %s", scenario, b, reconnecting(container, uri, connections));
        for (int cycle = 1; cycle <= settings.clientCycles(); cycle++) {
            for (String client : cycle % 2 == 1 ? List.of(a, b) : List.of(b, a)) {
                Measurement m = client.equals(a)
                        ? naiveLoop(container, uri, connections)
                        : reconnecting(container, uri, connections);
                (client.equals(a) ? ra : rb).add(m);
                log("%s, cycle %d, %s: %s", scenario, cycle, client, m);
            }
        }
        return List.of(ra.result(scenario, 0, connections, null), rb.result(scenario, 0, connections, ra));
    }

    /**
     * A: connects, waits for the server's close, connects again, on this thread. A handshake that fails is tried
     * again and counted.
     */
    private static Measurement naiveLoop(WebSocketContainer container, URI uri, int connections) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        int failures = 0;
        settle();
        ClientCpu.Snapshot before = ClientCpu.now();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            try {
                container.connectToServer(
                        new Endpoint() {
                            @Override
                            public void onOpen(Session session, EndpointConfig endpointConfig) {
                                // the server closes it
                            }

                            @Override
                            public void onClose(Session session, CloseReason reason) {
                                closed.complete(reason.getCloseCode().getCode());
                            }

                            @Override
                            public void onError(Session session, Throwable failure) {
                                closed.completeExceptionally(failure);
                            }
                        },
                        config,
                        uri);
            } catch (DeploymentException | IOException failed) {
                if (++failures > MAX_FAILURES) {
                    throw failed;
                }
                i--;
                continue;
            }
            int code = closed.get(ClientPeers.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (code != CloseReason.CloseCodes.SERVICE_RESTART.getCode()) {
                throw new IllegalStateException("A: the server closed with " + code + ", not 1012");
            }
        }
        long wall = System.nanoTime() - start;
        ClientCpu.Snapshot after = ClientCpu.now();
        return new Measurement(connections, wall, ClientCpu.between(before, after, Thread.currentThread()), failures);
    }

    /** B: one client that the server drops {@code connections} times; this thread only waits. */
    private Measurement reconnecting(WebSocketContainer container, URI uri, int connections) throws Exception {
        AtomicInteger drops = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        ClientOptions options = ClientOptions.builder("bench-storm-" + ++clients, uri)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(1), 2.0)
                .build();
        settle();
        ClientCpu.Snapshot before = ClientCpu.now();
        long start = System.nanoTime();
        ReconnectingClient client = ReconnectingClient.builder(options)
                .container(container)
                .listener(new ClientListener() {
                    @Override
                    public void onStateChanged(ClientStateChanged change) {
                        if (change.from() == ClientState.OPEN && drops.incrementAndGet() == connections) {
                            done.complete(null);
                        } else if (change.from() == ClientState.CONNECTING
                                && change.to() == ClientState.BACKING_OFF
                                && failures.incrementAndGet() > MAX_FAILURES) {
                            done.completeExceptionally(new IllegalStateException(
                                    "B: more than " + MAX_FAILURES + " handshakes failed: " + change.reason()));
                        } else if (change.to().isFinal()) {
                            done.completeExceptionally(
                                    new IllegalStateException("B: " + change.to() + ": " + change.reason()));
                        }
                    }
                })
                .open();
        try {
            done.get(ClientPeers.TIMEOUT_SECONDS + connections / 10, TimeUnit.SECONDS);
            long wall = System.nanoTime() - start;
            ClientCpu.Snapshot after = ClientCpu.now();
            return new Measurement(
                    connections, wall, ClientCpu.between(before, after, Thread.currentThread()), failures.get());
        } finally {
            client.close();
        }
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    /**
     * Before each round: a full GC, so that no round pays for the garbage of the one before, and a moment for the
     * connections and threads of the one before to wind down.
     */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
    }

    /** One round: units (messages or connections), its wall time, and where the client JVM's CPU went. */
    private record Measurement(long units, long wallNanos, ClientCpu.Usage cpu, int failures) {
        double rate() {
            return units * 1e9 / wallNanos;
        }

        double micros(long nanos) {
            return nanos / 1000.0 / units;
        }

        @Override
        public String toString() {
            return String.format(
                            "%.0f/s, client CPU %.2f µs per unit (caller %.2f, client threads %.2f, container %.2f, rest %.2f)",
                            rate(),
                            micros(cpu.process()),
                            micros(cpu.caller()),
                            micros(cpu.client()),
                            micros(cpu.container()),
                            micros(cpu.rest()))
                    + (failures == 0 ? "" : ", " + failures + " failed handshakes");
        }
    }

    /** One client's rounds in one scenario. */
    private static final class Rounds {
        final String client;
        final boolean threadsOnly;
        final List<Measurement> measured = new ArrayList<>();

        /**
         * @param client      its label
         * @param threadsOnly whether its CPU figure is the Java threads' (the no-I/O rounds: nanosecond resolution,
         *                    where the process's 10 ms ticks would be too coarse; GC and JIT left out) rather than the
         *                    process's
         */
        Rounds(String client, boolean threadsOnly) {
            this.client = client;
            this.threadsOnly = threadsOnly;
        }

        double cpu(Measurement m) {
            ClientCpu.Usage u = m.cpu();
            return m.micros(threadsOnly ? u.caller() + u.client() + u.container() : u.process());
        }

        void add(Measurement m) {
            measured.add(m);
        }

        Spread of(ToDoubleFunction<Measurement> value) {
            return Spread.of(measured.stream().map(value::applyAsDouble).toList());
        }

        /** The row; with a reference, each cycle's CPU per unit over the reference's in the same cycle. */
        ClientResult result(String scenario, int size, long units, Rounds reference) {
            List<Double> ratios = new ArrayList<>();
            if (reference != null) {
                for (int i = 0; i < Math.min(measured.size(), reference.measured.size()); i++) {
                    Measurement mine = measured.get(i);
                    Measurement theirs = reference.measured.get(i);
                    ratios.add(cpu(mine) / cpu(theirs));
                }
            }
            return new ClientResult(
                    scenario,
                    size,
                    client,
                    units,
                    of(Measurement::rate),
                    of(this::cpu),
                    of(m -> m.micros(m.cpu.caller())),
                    of(m -> m.micros(m.cpu.client())),
                    of(m -> m.micros(m.cpu.container())),
                    of(m -> m.micros(m.cpu.rest())),
                    ratios,
                    measured.stream().mapToInt(Measurement::failures).sum());
        }
    }

    private static void log(String format, Object... args) {
        BenchMain.log("client: " + String.format(format, args));
    }
}
