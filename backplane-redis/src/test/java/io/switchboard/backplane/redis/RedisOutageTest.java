package io.switchboard.backplane.redis;

import static io.switchboard.backplane.redis.TestCluster.awaitMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.redis.RedisServer;
import io.switchboard.tck.client.TestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Redis that restarts, freezes, and broadcasts over the backplane's bounds: local delivery never stops, what was
 * published while Redis was away is lost (and reported so), nothing else is, and presence comes back by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisOutageTest {

    private static final int RATE = 200;

    private TestCluster cluster;
    private RedisServer redis;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = TestCluster.start(
                "outage",
                2,
                Map.of(
                        "switchboard.backplane.max-payload",
                        "64KiB",
                        "switchboard.backplane.max-publish-rate",
                        Integer.toString(RATE)));
        redis = cluster.redis();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private URI room(int node, String room) {
        return cluster.room(node, room);
    }

    @Test
    @Order(1)
    void aRestartOfRedisLosesOnlyWhatWasPublishedWhileItWasDown() throws Exception {
        try (TestClient here = TestClient.connect(room(0, "storm"));
                TestClient there = TestClient.connect(room(1, "storm"))) {
            awaitMembers(room(0, "storm"), 2);
            here.sendText("before");
            assertThat(here.nextText()).isEqualTo("before");
            assertThat(there.nextText()).isEqualTo("before");

            redis.kill();
            here.sendText("!report during");
            assertThat(here.nextText()).as("local delivery goes on").isEqualTo("during");
            assertThat(here.nextText()).isEqualTo("report published=false");

            redis.restart();
            // Publishes again once the backplane has reconnected: probe until a report says so.
            AtomicInteger probes = new AtomicInteger();
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        int probe = probes.getAndIncrement();
                        here.sendText("!report probe " + probe);
                        assertThat(here.nextText()).isEqualTo("probe " + probe);
                        return here.nextText().equals("report published=true");
                    });
            here.sendText("after");
            assertThat(here.nextText()).isEqualTo("after");

            List<String> seenThere = new ArrayList<>();
            String next;
            while (!(next = there.nextText()).equals("after")) {
                seenThere.add(next);
            }
            assertThat(seenThere)
                    .as("only probes sent after the outage, never the message sent during it")
                    .doesNotContain("during")
                    .allMatch(text -> text.startsWith("probe "));
            assertThat(there.nextTextWithin(Duration.ofMillis(300))).isNull();

            // The new Redis is empty: each node wrote its members again.
            awaitMembers(room(1, "storm"), 2);
        }
    }

    @Test
    @Order(2)
    void aFrozenRedisNeverHoldsUpLocalDelivery() throws Exception {
        try (TestClient here = TestClient.connect(room(0, "frozen"));
                TestClient there = TestClient.connect(room(1, "frozen"))) {
            awaitMembers(room(0, "frozen"), 2);
            redis.freeze();
            try {
                long start = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    here.sendText("cold " + i);
                    assertThat(here.nextText()).isEqualTo("cold " + i);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("twenty local deliveries while Redis does not answer")
                        .isLessThan(Duration.ofSeconds(5));
            } finally {
                redis.thaw();
            }
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        here.sendText("!report thawed");
                        assertThat(here.nextText()).isEqualTo("thawed");
                        assertThat(here.nextText()).isEqualTo("report published=true");
                    });
        }
    }

    @Test
    @Order(3)
    void aBroadcastLargerThanTheClusterAllowsIsRefusedBeforeAnyoneGetsIt() {
        try (TestClient here = TestClient.connect(room(0, "big"));
                TestClient there = TestClient.connect(room(1, "big"))) {
            awaitMembers(room(0, "big"), 2);

            here.sendBinary(new byte[100 * 1024]);

            assertThat(here.nextText())
                    .startsWith("refused ")
                    .contains("102400 bytes", "switchboard.backplane.max-payload");
            here.sendBinary(new byte[1024]);
            assertThat(there.nextBinary()).hasSize(1024);
            assertThat(here.nextBinary())
                    .as("the refused one never arrived before this")
                    .hasSize(1024);
        }
    }

    @Test
    @Order(4)
    void broadcastsOverThePublishRateStayOnTheirNode() {
        int count = 2_000;
        try (TestClient here = TestClient.connect(room(0, "flood"));
                TestClient there = TestClient.connect(room(1, "flood"))) {
            awaitMembers(room(0, "flood"), 2);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                here.sendText("f" + i);
            }
            for (int i = 0; i < count; i++) {
                assertThat(here.nextText()).isEqualTo("f" + i);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            here.sendText("end"); // may itself be over the rate: wait for the bucket to refill first
            List<Integer> received = new ArrayList<>();
            String next;
            while ((next = there.nextTextWithin(Duration.ofSeconds(3))) != null && !next.equals("end")) {
                received.add(Integer.parseInt(next.substring(1)));
            }

            assertThat(received).as("in order, each once").isSorted().doesNotHaveDuplicates();
            assertThat(received.size())
                    .as("at most a burst and the rate for %.1f s", seconds)
                    .isLessThan(count)
                    .isLessThanOrEqualTo((int) (RATE + RATE * (seconds + 1)));
        }
    }
}
