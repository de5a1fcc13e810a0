package io.switchboard.tck.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Switchboard's MicroProfile Health checks, both named {@code switchboard}, as the server reports them: readiness up
 * with its data while sessions are open, down while an endpoint is full (with
 * {@code switchboard.health.readiness.connection-limit=true}) and up again after a close, down while the application
 * drains at its end; liveness up with the sweeper's state. Each scenario starts from a freshly started application
 * of this package's endpoints with {@link #CONFIG}. The scenarios are methods a harness's tests call (a container
 * test deploys for each and learns its URL only as a test method's parameter).
 */
public abstract class HealthScenarios {

    /** The name of both checks. */
    public static final String NAME = "switchboard";

    /** The application's configuration. */
    public static final Map<String, String> CONFIG = config(
            "switchboard.health.readiness.connection-limit", "true",
            "switchboard.HealthCappedEndpoint.connections.max", "2",
            // A generous drain time: the reader must take 16 MB, on a machine that may be busy.
            "switchboard.shutdown.drain-timeout", "10s");

    /** The WebSocket base URI of the application, ending in {@code /}. */
    protected abstract URI base();

    /** The server's readiness report ({@code /health/ready}). */
    protected abstract HealthReport readiness() throws IOException;

    /** The server's liveness report ({@code /health/live}). */
    protected abstract HealthReport liveness() throws IOException;

    /** Stops (undeploys) the application, on the test's thread; returns when it has stopped. */
    protected abstract void stopApplication() throws Exception;

    /** {@link #CONFIG} as the lines of a {@code microprofile-config.properties}. */
    public static String properties() {
        return CONFIG.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue() + "\n")
                .collect(Collectors.joining());
    }

    private URI uri(String path) {
        return base().resolve(path);
    }

    /** Both checks are up, with their data, before and while sessions are open. */
    protected void bothChecksAreUpWithTheirDataWhileSessionsAreOpen() throws Exception {
        // Nothing has opened yet: the sweeper starts with the first session.
        HealthReport.Check live = liveness().required(NAME);
        assertThat(live.up()).isTrue();
        assertThat(live.text("sweeper")).isEqualTo("idle");
        assertThat(live.number("sweep-stall-ms")).isEqualTo(10_000);
        HealthReport.Check ready = readiness().required(NAME);
        assertThat(ready.up()).isTrue();
        assertThat(ready.number("sessions")).isZero();
        assertThat(ready.flag("draining")).isFalse();
        assertThat(ready.text("backplane")).isEqualTo("local");
        assertThat(ready.data()).doesNotContainKeys("backplane-connected", "down");

        try (TestClient ann = TestClient.connect(uri("health-room/lobby"));
                TestClient bob = TestClient.connect(uri("health-room/lobby"));
                TestClient cid = TestClient.connect(uri("health-room/kitchen"));
                RawClient slow = RawClient.upgradeWithReceiveBuffer(uri("health-feed"), 4096)) {
            for (TestClient client : List.of(ann, bob, cid)) {
                assertThat(client.ask("hi")).isEqualTo("hi");
            }
            // A client that reads nothing: its queue holds most of the feed.
            slow.sendText("feed:1000:16384");
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> readiness().required(NAME).number("queued-messages") > 100);

            HealthReport report = readiness();
            assertThat(report.httpStatus()).isEqualTo(200);
            assertThat(report.status()).isEqualTo("UP");
            ready = report.required(NAME);
            assertThat(ready.up()).isTrue();
            assertThat(ready.number("sessions")).isEqualTo(4);
            assertThat(ready.number("rooms")).isEqualTo(2);
            assertThat(ready.number("queued-messages")).isGreaterThan(100);
            assertThat(ready.number("largest-queue")).isPositive().isLessThanOrEqualTo(ready.number("queued-messages"));
            assertThat(ready.flag("draining")).isFalse();
            assertThat(ready.text("full-endpoints")).isEmpty();

            live = liveness().required(NAME);
            assertThat(live.up()).isTrue();
            assertThat(live.text("sweeper")).isEqualTo("running");
            assertThat(live.number("last-sweep-ms-ago")).isBetween(0L, 5_000L);
        }
    }

    /** Readiness is down while an endpoint holds its {@code connections.max} sessions, and up after a close. */
    protected void readinessIsDownWhileAnEndpointIsFullAndUpAgainAfterAClose() throws Exception {
        try (TestClient first = TestClient.connect(uri("health-capped"))) {
            assertThat(first.ask("one")).isEqualTo("one");
            assertThat(readiness().required(NAME).up()).isTrue();
            try (TestClient second = TestClient.connect(uri("health-capped"))) {
                assertThat(second.ask("two")).isEqualTo("two");
                HealthReport report = readiness();
                HealthReport.Check ready = report.required(NAME);
                assertThat(ready.up()).as("%s", ready).isFalse();
                assertThat(ready.text("full-endpoints")).isEqualTo("HealthCappedEndpoint");
                assertThat(ready.text("down")).isEqualTo("endpoint HealthCappedEndpoint is full (2 of 2 sessions)");
                assertThat(report.status()).isEqualTo("DOWN");
                assertThat(report.httpStatus()).isEqualTo(503);
                // The handshake gate agrees: the endpoint is full.
                assertThatThrownBy(() -> TestClient.connect(uri("health-capped")))
                        .isInstanceOfSatisfying(
                                TestClient.HandshakeRefused.class,
                                refused -> assertThat(refused.status()).isEqualTo(503));
                // Liveness is not readiness: a full endpoint is a healthy one.
                assertThat(liveness().required(NAME).up()).isTrue();
            }
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        HealthReport.Check ready = readiness().required(NAME);
                        assertThat(ready.up()).as("%s", ready).isTrue();
                        assertThat(ready.text("full-endpoints")).isEmpty();
                    });
        }
    }

    /**
     * Readiness is down while the application drains at its end: readiness and liveness are polled every 100 ms, each
     * on a thread of its own, while {@link #stopApplication()} runs; what each showed is printed (evidence of how the
     * server reports a stopping application's checks) and judged by {@link #drainObserved}.
     */
    protected void readinessIsDownWhileTheApplicationDrainsAtItsEnd() throws Exception {
        List<String> ready = new CopyOnWriteArrayList<>();
        List<String> live = new CopyOnWriteArrayList<>();
        try (RawClient reader = RawClient.upgradeWithReceiveBuffer(uri("health-feed"), 4096)) {
            reader.sendText("feed:1000:16384");
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> readiness().required(NAME).number("queued-messages") > 100);
            AtomicBoolean stopped = new AtomicBoolean();
            long start = System.nanoTime();
            // The stop runs on the test's thread (Arquillian's deployer works there only): the polling and the
            // reading go elsewhere. The reader starts reading 1.5 s into the stop, so the drain lasts that long.
            CompletableFuture<Void> pollingReady = poll(this::readiness, "draining", ready, stopped, start);
            CompletableFuture<Void> pollingLive = poll(this::liveness, "sweeper", live, stopped, start);
            CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
                pause(1500);
                return readAll(reader);
            });
            stopApplication();
            int frames = received.get(60, TimeUnit.SECONDS);
            pause(500);
            stopped.set(true);
            pollingReady.get(30, TimeUnit.SECONDS);
            pollingLive.get(30, TimeUnit.SECONDS);
            String end = String.format("+%dms polling ended", millisSince(start));
            ready.add(end);
            live.add(end);
            System.out.println("While the application stopped (" + getClass().getSimpleName() + "), readiness: " + ready
                    + "; liveness: " + live);
            assertThat(frames).as("the feed, its answer and the close").isEqualTo(1002);
        }
        drainObserved(ready, live);
    }

    /**
     * Judges what the health endpoints showed while the application stopped: by default, readiness showed the check
     * down and draining.
     *
     * @param readiness each change readiness showed, such as {@code +240ms 503 switchboard=DOWN draining=true},
     *                  {@code +3180ms failed: HttpTimeoutException}, {@code +10250ms 200 no switchboard check}
     * @param liveness  the same for liveness ({@code switchboard=UP sweeper=running})
     */
    protected void drainObserved(List<String> readiness, List<String> liveness) {
        assertThat(readiness)
                .as("readiness polled every 100 ms while the application stopped")
                .anyMatch(observation -> observation.contains("switchboard=DOWN draining=true"));
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Looks at a report every 100 ms until told to stop, noting each change. */
    private static CompletableFuture<Void> poll(
            Callable<HealthReport> report, String key, List<String> seen, AtomicBoolean stopped, long start) {
        return CompletableFuture.runAsync(() -> {
            while (!stopped.get()) {
                String observation = observe(report, key);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).endsWith(observation)) {
                    seen.add(String.format("+%dms %s", millisSince(start), observation));
                }
                pause(100);
            }
        });
    }

    /** One look, in words: {@code 503 switchboard=DOWN draining=true}, or what went wrong. */
    private static String observe(Callable<HealthReport> look, String key) {
        try {
            HealthReport report = look.call();
            return report.httpStatus()
                    + report.check(NAME)
                            .map(check -> " switchboard=" + check.status() + " " + key + "="
                                    + check.data().get(key))
                            .orElse(" no switchboard check (" + report.checks().size() + " checks)");
        } catch (Exception e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    /** Reads data frames until the close frame (counted too) or a failure; returns how many. */
    private static int readAll(RawClient client) {
        int frames = 0;
        try {
            while (true) {
                RawClient.Frame frame = client.readFrame(20_000);
                if (frame.opcode() == 8) {
                    return frames + 1;
                }
                if (frame.opcode() != 9) {
                    frames++;
                }
            }
        } catch (IOException e) {
            return frames;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> config(String... keysAndValues) {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(config);
    }
}
