package io.switchboard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.switchboard.bench.client.ClientGroup;
import io.switchboard.bench.client.Control;
import io.switchboard.bench.client.Publisher;
import io.switchboard.bench.client.TextListener;
import io.switchboard.bench.launch.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running server and the load generator's connections to it: the control connection, the publishers, and a
 * count of the publisher messages it was sent so that a round starts only once the server has handled the
 * previous ones.
 */
final class ServerUnderTest implements AutoCloseable {

    /** A listener for connections whose messages nobody reads. */
    static final TextListener IGNORE = new TextListener() {
        @Override
        public void onText(ByteBuf content) {}
    };

    private final ServerProcess process;
    private final ClientGroup clients;
    private final Control control = new Control();
    private final boolean switchboardAvailable;
    private long published;
    private int round;

    ServerUnderTest(ServerProcess process, ClientGroup clients) throws Exception {
        this.process = process;
        this.clients = clients;
        control.attach(openWhenReady("bench/control", control));
        openWhenReady("bench/sub/ready", IGNORE).close().sync();
        this.switchboardAvailable = control.status("probe").roomMembers() >= 0;
    }

    /**
     * Opens a connection, trying again for up to a minute: Payara Micro serves pages a moment before its
     * WebSocket upgrades stop answering 500 or 503.
     */
    private Channel openWhenReady(String path, TextListener listener) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return clients.connect(uri(path), listener, 0).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(process.name() + " does not accept " + path, e);
                }
                BenchMain.log(process.name() + " not ready for " + path + " yet (" + e.getCause() + ")");
                Thread.sleep(500);
            }
        }
    }

    String name() {
        return process.name();
    }

    ServerProcess process() {
        return process;
    }

    ClientGroup clients() {
        return clients;
    }

    Control control() {
        return control;
    }

    /** Whether the deployment has a {@code RoomService} (mode c). */
    boolean switchboardAvailable() {
        return switchboardAvailable;
    }

    URI uri(String path) {
        return process.base().resolve(path);
    }

    int nextRound() {
        return ++round;
    }

    /** Opens a publisher for a room. */
    Publisher publisher(String room) throws InterruptedException, ExecutionException, TimeoutException {
        Channel channel = clients.connect(uri("bench/pub/" + room), IGNORE, 0).get(30, TimeUnit.SECONDS);
        return new Publisher(channel);
    }

    /** The publisher messages sent to this server so far: each one a broadcast in mode (c). */
    long publishedMessages() {
        return published;
    }

    /** Notes that publishers sent more messages. */
    void published(long messages) {
        published += messages;
    }

    /**
     * Waits until the server has handled every publisher message sent so far.
     *
     * @param room    any room (the answer counts all)
     * @param timeoutMillis how long to wait
     * @return whether it caught up in time
     */
    boolean awaitProcessed(String room, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (control.status(room).processed() < published) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Waits until the server counts exactly {@code expected} subscribers in a room (its own set, and the room's
     * members where Switchboard is there).
     */
    void awaitSubscribers(String room, int expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Control.Status status;
        while (true) {
            status = control.status(room);
            boolean members = !switchboardAvailable || status.roomMembers() == expected;
            if (status.ownSubscribers() == expected && members) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        name() + ": room " + room + " has " + status + ", expected " + expected);
            }
            Thread.sleep(50);
        }
    }

    /**
     * What the server's log says about Switchboard's metrics backend: the rest of its line
     * {@code Switchboard: metrics go to ...} (or that there is none), {@code ?} if it logged neither yet.
     */
    String metricsBackend() {
        try {
            List<String> lines = Files.readAllLines(process.log(), StandardCharsets.UTF_8);
            for (String line : lines) {
                int at = line.indexOf("metrics go to ");
                if (at >= 0) {
                    return line.substring(at + "metrics go to ".length())
                            .replaceAll("\\|#]$", "")
                            .trim();
                }
                if (line.contains("Switchboard: no metrics backend")) {
                    return "none";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "? (" + e + ")";
        }
        return "?";
    }

    /**
     * Switchboard's {@code switchboard_messages_sent_total} by endpoint id, summed over its {@code type} tag, as the
     * server's Prometheus text says now: from the control endpoint where the server holds its registry (Tyrus),
     * else from {@code GET /metrics?scope=application} (Payara Micro's MicroProfile Metrics).
     */
    Map<String, Double> messagesSent() throws IOException, InterruptedException {
        String answer = control.ask("metrics");
        String text;
        if (answer.startsWith("metrics none")) {
            URI uri = URI.create("http://" + process.base().getAuthority() + "/metrics?scope=application");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .header("Accept", "text/plain")
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode());
            }
            text = response.body();
        } else {
            text = answer;
        }
        Map<String, Double> sent = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("switchboard_messages_sent_total{")) {
                continue;
            }
            int tag = line.indexOf("endpoint=\"");
            if (tag < 0) {
                continue;
            }
            int from = tag + "endpoint=\"".length();
            String endpoint = line.substring(from, line.indexOf('"', from));
            // name{tags} value [timestamp]
            double value = Double.parseDouble(
                    line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]);
            sent.merge(endpoint, value, Double::sum);
        }
        return sent;
    }

    /**
     * The fast path's writes so far (Tyrus's frames, Undertow's sends and batches) and the messages that went in
     * gathered writes, or {@code null} where its counters cannot be read.
     */
    long[] fastPathWrites() throws IOException, InterruptedException {
        String answer = control.ask("writes");
        if (answer.equals("writes none")) {
            return null;
        }
        String[] words = answer.split(" ");
        if (words.length != 3 || !words[0].equals("writes")) {
            throw new IOException(name() + " answered " + answer);
        }
        return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
    }

    /**
     * What the server's span exporter received so far (it is flushed first), by span name and endpoint id
     * ({@code -} for spans without one), with {@code delivered} the sum of the broadcast spans'
     * {@code switchboard.broadcast.delivered}; {@code null} if the server has no exporter of its own.
     */
    Map<String, Long> spans() throws IOException, InterruptedException {
        String answer = control.ask("spans");
        if (answer.startsWith("spans none")) {
            return null;
        }
        if (!answer.startsWith("spans")) {
            throw new IOException(name() + " answered " + answer);
        }
        Map<String, Long> counts = new HashMap<>();
        for (String line : answer.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 3) {
                counts.merge(fields[0] + "\t" + fields[1], Long.parseLong(fields[2]), Long::sum);
            }
        }
        return counts;
    }

    @Override
    public void close() {
        process.close();
    }
}
