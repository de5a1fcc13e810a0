package io.switchboard.impl.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.shutdown.FeedEndpoint;
import io.switchboard.tck.tracking.SlowCloseEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown on Tyrus with Weld SE: closing the fast server plays the part of a servlet container
 * stopping the application (the handshake filter's end).
 */
class ShutdownTest {

    /** The reason of a close with a reconnect delay in the default 10 s window. */
    private static final String RESTART = "Service restart; reconnect in [0-9]{1,4} ms";

    @BeforeEach
    void clear() {
        FeedEndpoint.CLOSED.clear();
    }

    @AfterEach
    void clearConfig() {
        System.clearProperty("switchboard.shutdown.drain-timeout");
    }

    @Test
    void queuedMessagesGoOutBeforeEverySessionClosesWith1012AndWhenToComeBack() throws Exception {
        FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, FeedEndpoint.class);
        try (RawClient reader = RawClient.upgradeWithReceiveBuffer(server.base().resolve("feed"), 4096);
                RawClient idle =
                        RawClient.upgradeWithReceiveBuffer(server.base().resolve("feed"), 4096)) {
            reader.sendText("feed:1000:16384");
            await().until(() -> server.cdi()
                    .select(SessionRegistry.class)
                    .get()
                    .trackedSessions()
                    .anyMatch(s -> s.outbox().size() > 200));
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
            for (int n = 0; n < 1000; n++) {
                assertThat(nextData(reader).text()).startsWith(n + "|");
            }
            assertThat(nextData(reader).text()).isEqualTo("queued");
            RawClient.Frame close = nextData(reader);
            assertThat(close.opcode()).isEqualTo(8);
            assertThat(close.closeCode()).isEqualTo(1012);
            assertThat(close.closeReason()).matches(RESTART);
            RawClient.Frame idleClose = idle.readFrame(10_000);
            assertThat(idleClose.closeCode()).isEqualTo(1012);
            assertThat(idleClose.closeReason()).matches(RESTART);
            // Two sessions, two slots of the 10 s window: one comes back in the first five seconds, one after.
            assertThat(List.of(close.closeReason(), idleClose.closeReason()).stream()
                            .map(reason -> io.switchboard.RestartAdvice.delay(1012, reason)
                                            .orElseThrow()
                                            .toMillis()
                                    / 5_000))
                    .containsExactlyInAnyOrder(0L, 1L);
            stopped.get();
        }
        assertThat(FeedEndpoint.closed())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).matches("FeedEndpoint 1012 shutdown " + RESTART));
    }

    @Test
    void drainTimeoutBoundsHowLongAPeerThatStoppedReadingHoldsTheShutdown() throws Exception {
        System.setProperty("switchboard.shutdown.drain-timeout", "1s");
        FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, FeedEndpoint.class);
        try (RawClient stalled =
                RawClient.upgradeWithReceiveBuffer(server.base().resolve("feed"), 4096)) {
            stalled.sendText("feed:2000:16384");
            await().until(() -> server.cdi()
                    .select(SessionRegistry.class)
                    .get()
                    .trackedSessions()
                    .anyMatch(s -> s.outbox().size() > 200));
            long start = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(FeedEndpoint.closed()).singleElement().asString().matches("FeedEndpoint 1012 shutdown " + RESTART);
    }

    /**
     * A session whose {@code @OnClose} (started by the client's close) has not returned when the application stops
     * is reported once, at the stop, and not again when its {@code @OnClose} finally returns.
     */
    @Test
    void aShutdownWhileAnOnCloseHangsReportsTheSessionOnce() throws Exception {
        SlowCloseEndpoint.reset();
        SlowCloseEndpoint.hold(60_000);
        FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, SlowCloseEndpoint.class);
        try {
            try (TestClient client = TestClient.connect(server.base().resolve("slow-close/hall"))) {
                assertThat(client.ask("hi")).isEqualTo("slow-close:hi");
            }
            await().until(() -> SlowCloseEndpoint.endings().contains("onClose start"));
            server.close();
            assertThat(SlowCloseEndpoint.endings())
                    .startsWith("onClose start")
                    .contains("preDestroy")
                    .doesNotContain("onClose end");
        } finally {
            SlowCloseEndpoint.release();
        }
        await().until(() -> SlowCloseEndpoint.endings().contains("onClose end"));
        Thread.sleep(500);
        List<String> endings = SlowCloseEndpoint.endings();
        assertThat(endings.stream().filter(step -> step.startsWith("closed "))).hasSize(1);
        assertThat(endings)
                .containsSubsequence("onClose start", "left hall", "preDestroy", "onClose end")
                .containsOnlyOnce("left hall", "preDestroy");
    }

    private static RawClient.Frame nextData(RawClient client) throws java.io.IOException {
        while (true) {
            RawClient.Frame frame = client.readFrame(10_000);
            if (frame.opcode() != 9) {
                return frame;
            }
        }
    }
}
