package io.switchboard.impl.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.impl.session.SessionRegistry;
import io.switchboard.impl.session.SessionSweeper;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.health.HealthReport;
import io.switchboard.tck.health.HealthRoomEndpoint;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Lock;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Liveness follows the real sweeper thread: down while a sweep hangs (a ping waiting for a send lock the test holds),
 * up again when it goes on; down when the sweeper's thread is gone while the application runs.
 */
class SweeperHealthTest {

    private FastServer server;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("switchboard.health.liveness.sweep-stall", "1s");
        System.setProperty("switchboard.default.heartbeat.interval", "1s");
        server = FastServer.start(FastServer.Mode.SWITCHBOARD, HealthRoomEndpoint.class);
    }

    @AfterEach
    void stop() {
        try {
            server.close();
        } finally {
            System.clearProperty("switchboard.health.liveness.sweep-stall");
            System.clearProperty("switchboard.default.heartbeat.interval");
        }
    }

    private HealthReport.Check liveness() {
        return HealthTest.report(server.cdi(), Liveness.Literal.INSTANCE).required("switchboard");
    }

    @Test
    void livenessIsDownWhileASweepHangsAndUpWhenItGoesOn() throws Exception {
        try (TestClient client = TestClient.connect(server.base().resolve("health-room/quiet"))) {
            assertThat(client.ask("hi")).isEqualTo("hi");
            assertThat(liveness().text("sweeper")).isEqualTo("running");
            TrackedSession tracked = server.cdi()
                    .select(SessionRegistry.class)
                    .get()
                    .trackedSessions()
                    .findFirst()
                    .orElseThrow();
            // After a second of quiet the sweeper pings the session, under Tyrus's send lock: held here, the sweep
            // waits for it.
            Lock sendLock = sendLock(tracked);
            sendLock.lock();
            try {
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(100))
                        .untilAsserted(() -> {
                            HealthReport.Check live = liveness();
                            assertThat(live.up()).as("%s", live).isFalse();
                            assertThat(live.text("sweeper")).isEqualTo("stalled");
                            assertThat(live.number("last-sweep-ms-ago")).isGreaterThan(1_000);
                            assertThat(live.text("down"))
                                    .contains("has not finished a sweep")
                                    .contains("sweep-stall is 1000 ms");
                        });
                assertThat(HealthTest.report(server.cdi(), Readiness.Literal.INSTANCE)
                                .required("switchboard")
                                .up())
                        .as("a stalled sweeper is a liveness matter")
                        .isTrue();
            } finally {
                sendLock.unlock();
            }
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        HealthReport.Check live = liveness();
                        assertThat(live.up()).as("%s", live).isTrue();
                        assertThat(live.text("sweeper")).isEqualTo("running");
                    });
        }
    }

    @Test
    void livenessIsDownOnceTheSweeperThreadIsGone() throws Exception {
        try (TestClient client = TestClient.connect(server.base().resolve("health-room/doomed"))) {
            assertThat(client.ask("hi")).isEqualTo("hi");
            assertThat(liveness().up()).isTrue();
            // What a dead sweeper looks like: its executor ended (and so its thread) while the application runs.
            SessionSweeper sweeper = (SessionSweeper)
                    ((WeldClientProxy) server.cdi().select(SessionSweeper.class).get())
                            .getMetadata()
                            .getContextualInstance();
            ((ExecutorService) field(SessionSweeper.class, "executor").get(sweeper)).shutdownNow();
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        HealthReport.Check live = liveness();
                        assertThat(live.up()).as("%s", live).isFalse();
                        assertThat(live.text("sweeper")).isEqualTo("dead");
                        assertThat(live.text("down")).contains("thread has died");
                    });
        }
    }

    /** Tyrus's send lock of a session, which the fast path's writer takes for every frame and ping. */
    private static Lock sendLock(TrackedSession tracked) throws ReflectiveOperationException {
        Object writer = field(TrackedSession.class, "writer").get(tracked);
        assertThat(writer.getClass().getSimpleName())
                .as("the session's writer (the Tyrus fast path)")
                .isEqualTo("RawFrameWriter");
        return (Lock) field(writer.getClass(), "sendLock").get(writer);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
