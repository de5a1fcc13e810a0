package io.switchboard.tck.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Peers that die in every way a socket can, against the room endpoints deployed with a 1-second heartbeat
 * ({@link RoomScenarios#CONFIG}): each is found and removed from the registry and from its rooms, and live
 * clients in the same room are not held up.
 */
public abstract class DeadPeerScenarios {

    /** Interval plus timeout of {@link RoomScenarios#CONFIG}'s heartbeat, plus the sweep period and slack. */
    private static final Duration DETECTION = Duration.ofSeconds(5);
    /**
     * For a room to empty once its clients are gone: a close the container never reports takes a heartbeat plus
     * the 5-second grace for an unconfirmed close, on a machine that may be busy.
     */
    private static final Duration EMPTYING = Duration.ofSeconds(20);
    /** Also the 5-second grace for a close a container never confirms (Payara), and slack for 1,000 peers. */
    private static final Duration CROWD_DETECTION = Duration.ofSeconds(40);

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /** How many dead peers the crowd scenario opens. */
    protected int crowd() {
        return 1000;
    }

    private String probe(String command) {
        try (TestClient probe = TestClient.connect(base().resolve("room-probe"))) {
            return probe.ask(command);
        }
    }

    private void awaitRooms(Duration within, String expected) {
        await().atMost(within).untilAsserted(() -> assertThat(probe("rooms")).isEqualTo(expected));
    }

    @BeforeEach
    void noRoomsLeft() {
        awaitRooms(Duration.ofSeconds(30), "");
    }

    @Test
    void peerThatNeverReadsNorAnswersPingsIsClosedWithinIntervalPlusTimeout() throws IOException {
        try (TestClient live = TestClient.connect(base().resolve("room/d"));
                RawClient silent = RawClient.upgradeWithReceiveBuffer(base().resolve("room/d"), 4096)) {
            awaitRooms(DETECTION, "d=2");
            long start = System.nanoTime();
            awaitRooms(DETECTION, "d=1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DETECTION);
            live.sendText("say:alive");
            assertThat(live.nextText()).isEqualTo("d:alive");
        }
        awaitRooms(EMPTYING, "");
    }

    @Test
    void peerThatSendsHalfAFrameAndStallsIsClosed() throws IOException {
        try (TestClient live = TestClient.connect(base().resolve("room/d"));
                RawClient stalled = RawClient.upgradeWithReceiveBuffer(base().resolve("room/d"), 4096)) {
            awaitRooms(DETECTION, "d=2");
            stalled.sendHalfFrame();
            awaitRooms(DETECTION, "d=1");
            live.sendText("say:alive");
            assertThat(live.nextText()).isEqualTo("d:alive");
        }
        awaitRooms(EMPTYING, "");
    }

    @Test
    void peerKilledInTheMiddleOfAMessageLeavesNothing() throws IOException {
        try (TestClient live = TestClient.connect(base().resolve("room/d"))) {
            RawClient killed = RawClient.upgradeWithReceiveBuffer(base().resolve("room/d"), 4096);
            awaitRooms(DETECTION, "d=2");
            killed.sendHalfFrame();
            killed.reset();
            awaitRooms(Duration.ofSeconds(15), "d=1");
            live.sendText("say:alive");
            assertThat(live.nextText()).isEqualTo("d:alive");
        }
        awaitRooms(EMPTYING, "");
    }

    @Test
    void crowdOfDeadPeersIsClearedWhileLiveClientsKeepTalking() throws IOException {
        List<RawClient> dead = new ArrayList<>();
        try (TestClient live = TestClient.connect(base().resolve("room/crowd"));
                TestClient other = TestClient.connect(base().resolve("room/crowd"))) {
            for (int i = 0; i < crowd(); i++) {
                RawClient peer = RawClient.upgradeWithReceiveBuffer(base().resolve("room/crowd"), 4096);
                switch (i % 4) {
                    case 0 -> {} // silent: never reads, never answers
                    case 1 -> peer.sendHalfFrame();
                    case 2 -> {
                        peer.sendHalfFrame();
                        peer.reset();
                    }
                    default -> peer.reset();
                }
                dead.add(peer);
            }
            long deadline = System.nanoTime() + CROWD_DETECTION.toNanos();
            int said = 0;
            while (!probe("rooms").equals("crowd=2")) {
                assertThat(System.nanoTime())
                        .as("dead peers still in the room: %s", probe("rooms"))
                        .isLessThan(deadline);
                live.sendText("say:" + said);
                assertThat(live.nextText()).isEqualTo("crowd:" + said);
                assertThat(other.nextText()).isEqualTo("crowd:" + said);
                said++;
            }
        } finally {
            for (RawClient peer : dead) {
                peer.close();
            }
        }
        awaitRooms(EMPTYING, "");
    }
}
