package io.switchboard.tck.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session lifecycle tracking, against the endpoints of this package deployed with Switchboard: the registry
 * lists exactly the live sessions, events report every opening and ending, and nothing outlives its session.
 * The deployment must run with a short heartbeat, {@link #HEARTBEAT} (interval and timeout), so that dead
 * peers are found quickly.
 */
public abstract class TrackingScenarios {

    /** The heartbeat interval and timeout the deployment must be configured with, as a config value. */
    public static final String HEARTBEAT = "1s";

    /** The configuration a deployment of these scenarios needs, as MicroProfile Config properties. */
    public static final String CONFIG = "switchboard.default.heartbeat.interval=" + HEARTBEAT + "\n"
            + "switchboard.default.heartbeat.timeout=" + HEARTBEAT + "\n";

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /** Whether the server runs Switchboard's handshake filter (a servlet container does; bare Tyrus does not). */
    protected abstract boolean servletContainer();

    /**
     * The close codes {@code anApplicationsCloseKeepsItsCodeWhenThePeerEchoesItAtOnce} closes with, in turn: 1012 and
     * 1013, the two codes Tyrus refuses in a client's close frame. Empty skips the scenario, for a container known to
     * fail it.
     */
    protected List<Integer> echoedCloseCodes() {
        return List.of(1012, 1013);
    }

    /** How many connect/disconnect cycles the leak test runs. */
    protected int cycles() {
        return 10_000;
    }

    /** How much the server's heap may grow over the cycles before it counts as a leak. */
    protected long heapTolerance() {
        return 8L * 1024 * 1024;
    }

    protected URI uri(String path) {
        return base().resolve(path);
    }

    protected String probe(String command) {
        try (TestClient probe = TestClient.connect(uri("tracking-probe"))) {
            return probe.ask(command);
        }
    }

    protected List<String> lines(String command) {
        String answer = probe(command);
        return answer.isEmpty() ? List.of() : List.of(answer.split("\n"));
    }

    @BeforeEach
    void quiet() {
        await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        assertThat(probe("reset")).isEqualTo("ok");
    }

    @Test
    void openSessionIsListedWithItsMetadataAndLeavesOnClose() {
        try (TestClient client = TestClient.connect(uri("quiet/lobby"))) {
            assertThat(client.ask("hi")).isEqualTo("lobby:hi");
            assertThat(lines("sessions"))
                    .singleElement()
                    .asString()
                    .startsWith("QuietEndpoint|")
                    .contains("/quiet/lobby|OPEN|{room=lobby}|")
                    .contains(servletContainer() ? "|remote=127.0.0.1:" : "|no-remote|")
                    .endsWith("|activity-ok|findable|no-rtt");
        }
        await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        assertThat(lines("events"))
                .containsExactly("opened QuietEndpoint OPEN", "closed QuietEndpoint 1000 normal CLOSED duration");
    }

    @Test
    void closedEventCarriesTheCodeReasonAndCategory() {
        TestClient client = TestClient.connect(uri("quiet/lobby"));
        client.close(4000, "done here");
        await().untilAsserted(() -> assertThat(lines("events"))
                .contains("closed QuietEndpoint 4000 application CLOSED duration done here"));
    }

    /**
     * A browser answers a server's close frame at once, echoing its code, often while the server is still closing
     * (running {@code onClose}). Tyrus refuses 1012 and 1013 from a client ({@code 1002 Illegal close code}), and it
     * read that answer before it had closed the connection, ending the session a second time with 1002. Each round's
     * session (a room of its own) must end once, with the application's code; each round gives the answer a chance
     * to come first. Bare Tyrus's Grizzly server sometimes upgrades the round's request a second time on the closing
     * connection (with or without Switchboard's guard): that extra session ends with {@code 1001 Going away.} when
     * the connection closes, and is the only other ending allowed in the round's room.
     */
    @Test
    void anApplicationsCloseKeepsItsCodeWhenThePeerEchoesItAtOnce() throws Exception {
        Assumptions.assumeFalse(echoedCloseCodes().isEmpty(), "a container known to end such a session with 1002");
        Map<String, String> expected = new LinkedHashMap<>();
        ExecutorService answering = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 30; round++) {
                int code = echoedCloseCodes().get(round % echoedCloseCodes().size());
                String room = EchoedCloseLog.ROOM + round;
                expected.put(room, room + " " + code + " closed by the application");
                try (RawClient raw = RawClient.handshake(uri("quiet/" + room), true)) {
                    assertThat(raw.status()).isEqualTo(101);
                    await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("1"));
                    Future<Integer> answered = answering.submit(() -> {
                        RawClient.Frame frame = raw.readFrame(30_000);
                        while (frame.opcode() != 0x8) {
                            raw.sendPong(frame.payload()); // a heartbeat's ping, answered as a browser does
                            frame = raw.readFrame(30_000);
                        }
                        raw.sendClose(frame.closeCode());
                        return frame.closeCode();
                    });
                    assertThat(probe("close:" + room + ":" + code)).isEqualTo("closed:1");
                    assertThat(answered.get(30, TimeUnit.SECONDS)).isEqualTo(code);
                }
                await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
            }
        } finally {
            answering.shutdownNow();
        }
        await().untilAsserted(() -> {
            List<String> endings = lines("echoed");
            expected.forEach((room, ending) -> assertThat(endings)
                    .as(() -> String.join("\n", endings))
                    .containsOnlyOnce(ending)
                    .filteredOn(line -> line.startsWith(room + " "))
                    .allMatch(line -> line.equals(ending) || line.equals(room + " 1001 Going away.")));
        });
    }

    @Test
    void abruptDropLeavesTheRegistry() throws IOException {
        RawClient raw = RawClient.handshake(uri("quiet/drop"), true);
        assertThat(raw.status()).isEqualTo(101);
        await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("1"));
        raw.reset();
        await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        assertThat(lines("events"))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("closed QuietEndpoint 1006 connection_lost CLOSED");
    }

    @Test
    void peerThatNeverAnswersPingsIsClosedByTheHeartbeat() throws IOException {
        try (RawClient silent = RawClient.handshake(uri("quiet/silent"), true)) {
            assertThat(silent.status()).isEqualTo(101);
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        }
        assertThat(lines("events")).last().asString().startsWith("closed QuietEndpoint 1001 heartbeat_timeout CLOSED");
    }

    @Test
    void liveClientAnswersHeartbeatsStaysOpenAndGetsARoundTripTime() throws InterruptedException {
        try (TestClient client = TestClient.connect(uri("quiet/alive"))) {
            Thread.sleep(3_500);
            assertThat(client.isClosedByServer()).isFalse();
            assertThat(lines("sessions")).singleElement().asString().endsWith("|rtt");
            assertThat(client.ask("still")).isEqualTo("alive:still");
        }
    }

    @Test
    void idleClientIsClosedThoughItAnswersEveryPing() {
        try (TestClient client = TestClient.connect(uri("idle"))) {
            assertThat(client.ask("a")).isEqualTo("idle:a");
            assertThat(client.awaitClose()).isEqualTo(new TestClient.Closed(1001, "Idle timeout"));
        }
        await().untilAsserted(() -> assertThat(lines("events"))
                .last()
                .asString()
                .startsWith("closed IdleEndpoint 1001 idle_timeout CLOSED"));
    }

    @Test
    void activeClientIsNeverIdle() throws InterruptedException {
        try (TestClient client = TestClient.connect(uri("idle"))) {
            for (int i = 0; i < 8; i++) {
                assertThat(client.ask("m" + i)).isEqualTo("idle:m" + i);
                Thread.sleep(500);
            }
            assertThat(client.isClosedByServer()).isFalse();
        }
    }

    @Test
    void annotationSwitchesTheHeartbeatOffDespiteTheDeploymentDefault() throws Exception {
        try (RawClient silent = RawClient.handshake(uri("unwatched"), true)) {
            assertThat(silent.status()).isEqualTo(101);
            Thread.sleep(3_500);
            assertThat(probe("count")).isEqualTo("1");
            silent.closeCleanly();
        }
    }

    @Test
    void failedHandshakeLeavesNothing() throws IOException {
        try (RawClient raw = RawClient.handshake(uri("quiet/nokey"), false)) {
            assertThat(raw.status()).isNotEqualTo(101);
        }
        assertThat(probe("count")).isEqualTo("0");
        assertThat(lines("events")).isEmpty();
    }

    @Test
    void throwingObserverBreaksNeitherSessionNorRegistryNorOtherObservers() {
        try (TestClient client = TestClient.connect(uri("quiet/boom"))) {
            assertThat(client.ask("still here")).isEqualTo("boom:still here");
            assertThat(probe("count")).isEqualTo("1");
        }
        await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        assertThat(lines("events"))
                .containsExactly("opened QuietEndpoint OPEN", "closed QuietEndpoint 1000 normal CLOSED duration");
    }

    @Test
    void clientCannotForgeItsRemoteAddress() throws IOException {
        String forged = "203.0.113.9:666";
        for (Map<String, String> headers : List.of(
                Map.of("X-Switchboard-Remote-Address", forged),
                Map.of("X-Switchboard-Remote-Address", forged, "Upgrade", "websocket,"),
                Map.of("x-switchboard-remote-address", forged, "Upgrade", "WebSocket"))) {
            try (RawClient raw = RawClient.handshake(uri("quiet/forged"), true, headers)) {
                if (raw.status() != 101) {
                    continue;
                }
                await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("1"));
                assertThat(probe("sessions"))
                        .doesNotContain(forged)
                        .contains(servletContainer() ? "|remote=127.0.0.1:" : "|no-remote|");
                raw.closeCleanly();
            }
            await().untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        }
    }

    @Test
    void slowCallbackIsNotTakenForADeadPeer() {
        try (TestClient client = TestClient.connect(uri("slow"))) {
            assertThat(client.ask("a")).isEqualTo("slow:a");
            assertThat(client.isClosedByServer()).isFalse();
            assertThat(probe("count")).isEqualTo("1");
        }
    }

    @Test
    void aSlowOnCloseIsReportedOnceInOrderAfterItReturnsThoughItOutlastsTheCloseGrace() {
        try (TestClient client = TestClient.connect(uri("slow-close/hall"))) {
            assertThat(client.awaitClose()).isEqualTo(new TestClient.Closed(1001, "Idle timeout"));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(lines("endings")).contains("preDestroy"));
        await().pollDelay(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(lines("endings"))
                        .containsExactly(
                                "onClose start", "onClose end", "closed 1001 idle_timeout", "left hall", "preDestroy"));
    }

    @Test
    void untrackedEndpointWorksAndIsNotListed() {
        try (TestClient client = TestClient.connect(uri("untracked"))) {
            assertThat(client.ask("x")).isEqualTo("untracked:x");
            assertThat(probe("count")).isEqualTo("0");
        }
    }

    @Test
    void requestScopeIsActiveAndFreshInEveryCallback() {
        try (TestClient client = TestClient.connect(uri("request-scoped"))) {
            assertThat(client.nextText()).isEqualTo("open:2");
            assertThat(client.ask("a")).isEqualTo("message:1");
            assertThat(client.ask("b")).isEqualTo("message:1");
        }
    }

    @Test
    void connectDisconnectCyclesLeaveNothingBehind() throws IOException {
        int warmUp = Math.max(200, cycles() / 10);
        runCycles(warmUp);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        long baseline = Long.parseLong(probe("heap"));
        runCycles(cycles());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        long after = Long.parseLong(probe("heap"));
        assertThat(after - baseline)
                .as("heap growth over %d cycles (baseline %d bytes)", cycles(), baseline)
                .isLessThan(heapTolerance());
    }

    @Test
    void sessionsEndingAtOnceOnManyThreadsAllLeaveTheRegistry() throws Exception {
        // Ends reported at once on the container's I/O and worker threads (Undertow reports some on I/O threads,
        // outside the deployment's context): every one must leave the registry, none may be lost to a race.
        int threads = 4;
        int each = 60;
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        RawClient raw = RawClient.handshake(uri("quiet/burst"), true);
                        assertThat(raw.status()).isEqualTo(101);
                        switch (i % 3) {
                            case 0 -> raw.closeCleanly();
                            case 1 -> raw.reset();
                            default -> {
                                raw.sendHalfFrame();
                                raw.reset();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
    }

    /** Clean closes, abrupt TCP drops and failed handshakes, in turn. */
    private void runCycles(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            switch (i % 3) {
                case 0 -> {
                    RawClient raw = RawClient.handshake(uri("quiet/cycle"), true);
                    assertThat(raw.status()).isEqualTo(101);
                    raw.closeCleanly();
                }
                case 1 -> {
                    RawClient raw = RawClient.handshake(uri("quiet/cycle"), true);
                    assertThat(raw.status()).isEqualTo(101);
                    raw.reset();
                }
                default -> {
                    try (RawClient raw = RawClient.handshake(uri("quiet/cycle"), false)) {
                        assertThat(raw.status()).isNotEqualTo(101);
                    }
                }
            }
        }
    }
}
