package io.switchboard.impl.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.Broadcaster;
import io.switchboard.DeliveryReport;
import io.switchboard.OpenSessions;
import io.switchboard.RoomService;
import io.switchboard.SessionInfo;
import io.switchboard.impl.extension.twins.left.TwinEndpoint;
import io.switchboard.impl.metrics.registry.PrometheusRegistryProducer;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.metrics.PrometheusText;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An {@code @EndpointId} is the endpoint's id everywhere: in OpenSessions, in Broadcaster, in metric tags and in
 * configuration keys; and it lets two classes with one simple name deploy side by side.
 */
class ExplicitEndpointIdTest {

    private static final Class<?> NAMED = io.switchboard.impl.extension.twins.named.TwinEndpoint.class;

    @Test
    void explicitIdIsWhatOpenSessionsBroadcasterAndMetricsSee() throws Exception {
        try (FastServer server = FastServer.start(
                        FastServer.Mode.SWITCHBOARD, TwinEndpoint.class, NAMED, PrometheusRegistryProducer.class);
                TestClient left = TestClient.connect(server.base().resolve("twin-left"));
                TestClient named = TestClient.connect(server.base().resolve("twin-named"))) {
            assertThat(left.ask("x")).isEqualTo("left:x");
            assertThat(named.ask("y")).isEqualTo("named:y");
            OpenSessions sessions = server.cdi().select(OpenSessions.class).get();

            SessionInfo info = sessions.findByEndpoint("twin-named").get(0);
            assertThat(info.endpointId()).isEqualTo("twin-named");
            assertThat(info.endpointClass()).isEqualTo(NAMED);
            assertThat(sessions.findByEndpoint(NAMED)).containsExactly(info);
            assertThat(sessions.countByEndpoint("twin-named")).isEqualTo(1);
            assertThat(sessions.countByEndpoint(NAMED)).isEqualTo(1);
            assertThat(sessions.countByEndpoint("TwinEndpoint")).isEqualTo(1); // the left one, by its default id
            assertThat(sessions.countByEndpoint(TwinEndpoint.class)).isEqualTo(1);
            assertThat(sessions.count()).isEqualTo(2);

            Broadcaster broadcaster = server.cdi().select(Broadcaster.class).get();
            DeliveryReport report = broadcaster
                    .toEndpoint(NAMED, "to the class")
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(report.recipients()).isEqualTo(1);
            assertThat(named.nextText()).isEqualTo("to the class");
            broadcaster.toEndpoint("twin-named", "to the id");
            assertThat(named.nextText()).isEqualTo("to the id");
            broadcaster.toSession(info, "to the listed session");
            assertThat(named.nextText()).isEqualTo("to the listed session");
            assertThat(left.ask("still alone")).isEqualTo("left:still alone");

            PrometheusText scrape = new PrometheusText(PrometheusRegistryProducer.current.scrape());
            assertThat(scrape.startingWith("switchboard_sessions_opened"))
                    .extracting(sample -> sample.labels().get("endpoint"))
                    .contains("twin-named", "TwinEndpoint");
        }
    }

    @Test
    void roomsTakeTheSessionInfoThatOpenSessionsHandsOut() throws Exception {
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, NAMED);
                TestClient sender = TestClient.connect(server.base().resolve("twin-named"))) {
            sender.ask("a");
            OpenSessions sessions = server.cdi().select(OpenSessions.class).get();
            RoomService rooms = server.cdi().select(RoomService.class).get();
            SessionInfo senderInfo = sessions.listAll().get(0);
            try (TestClient other = TestClient.connect(server.base().resolve("twin-named"))) {
                other.ask("b");
                for (SessionInfo info : sessions.listAll()) {
                    assertThat(rooms.join(info, "twins")).isTrue();
                }
                assertThat(rooms.roomsOf(senderInfo)).containsExactly("twins");

                DeliveryReport report = rooms.broadcastExcept("twins", "not to the sender", senderInfo)
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                assertThat(report.recipients()).isEqualTo(1);
                assertThat(other.nextText()).isEqualTo("not to the sender");
                assertThat(sender.nextTextWithin(Duration.ofMillis(200))).isNull();

                assertThat(rooms.leaveAll(senderInfo)).containsExactly("twins");
                assertThat(rooms.roomsOf(senderInfo)).isEmpty();
                assertThat(rooms.members("twins")).hasSize(1).doesNotContain(senderInfo);
            }
        }
    }

    @Test
    void configurationKeysUseTheExplicitId() throws Exception {
        System.setProperty("switchboard.twin-named.send-queue.overflow", "explode");
        try {
            assertThatThrownBy(() -> FastServer.start(FastServer.Mode.SWITCHBOARD, NAMED))
                    .hasMessageContaining("switchboard.twin-named.send-queue.overflow = 'explode'");
        } finally {
            System.clearProperty("switchboard.twin-named.send-queue.overflow");
        }
        System.setProperty("switchboard.TwinEndpoint.enabled", "false"); // the simple name is no longer its id
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, NAMED);
                TestClient client = TestClient.connect(server.base().resolve("twin-named"))) {
            assertThat(client.ask("x")).isEqualTo("named:x");
            assertThat(server.cdi().select(OpenSessions.class).get().countByEndpoint("twin-named"))
                    .isEqualTo(1);
        } finally {
            System.clearProperty("switchboard.TwinEndpoint.enabled");
        }
        System.setProperty("switchboard.twin-named.enabled", "false");
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, NAMED);
                TestClient client = TestClient.connect(server.base().resolve("twin-named"))) {
            assertThat(client.ask("x")).isEqualTo("named:x");
            assertThat(server.cdi().select(OpenSessions.class).get().count()).isZero();
        } finally {
            System.clearProperty("switchboard.twin-named.enabled");
        }
    }
}
