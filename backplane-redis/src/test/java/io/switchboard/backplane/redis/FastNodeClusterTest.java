package io.switchboard.backplane.redis;

import static io.switchboard.backplane.redis.TestCluster.awaitMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.security.tokens.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three nodes in three JVMs share rooms, principals and limits through one real Redis: the thorough cases of the
 * backplane, each over real sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FastNodeClusterTest {

    private TestCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = TestCluster.start("cluster", 3, Map.of());
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

    private URI user(int node) {
        return cluster.user(node);
    }

    private static Map<String, String> signedIn(String user) {
        return Map.of("Authorization", "Bearer " + TestTokens.forUser(user).sign());
    }

    @Test
    void everyMemberOnEveryNodeGetsEachMessageOnceInEachSendersOrderWhileOthersComeAndGo() throws Exception {
        int perSender = 60;
        List<TestClient> members = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            for (int i = 0; i < 2; i++) {
                members.add(TestClient.connect(room(node, "order")));
            }
        }
        awaitMembers(room(0, "order"), 6);
        ExecutorService senders = Executors.newFixedThreadPool(members.size() + 1);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < members.size(); s++) {
                TestClient sender = members.get(s);
                int id = s;
                sending.add(senders.submit(() -> {
                    for (int n = 0; n < perSender; n++) {
                        sender.sendText(id + ":" + n);
                    }
                    return null;
                }));
            }
            // Meanwhile, sessions join and leave the room at random on every node.
            Future<?> churn = senders.submit(() -> {
                Random random = new Random(42);
                for (int i = 0; i < 20; i++) {
                    try (TestClient passer = TestClient.connect(room(random.nextInt(3), "order"))) {
                        Thread.sleep(random.nextInt(30));
                    }
                }
                return null;
            });
            for (Future<?> each : sending) {
                each.get();
            }
            churn.get();
        } finally {
            senders.shutdownNow();
        }

        for (TestClient member : members) {
            Map<Integer, List<Integer>> bySender = new HashMap<>();
            for (int i = 0; i < members.size() * perSender; i++) {
                String[] message = member.nextText().split(":");
                bySender.computeIfAbsent(Integer.parseInt(message[0]), k -> new ArrayList<>())
                        .add(Integer.parseInt(message[1]));
            }
            assertThat(member.nextTextWithin(Duration.ofMillis(300)))
                    .as("nothing twice")
                    .isNull();
            assertThat(bySender).hasSize(members.size());
            bySender.values()
                    .forEach(sequence -> assertThat(sequence)
                            .as("each sender's messages once, in its order")
                            .containsExactlyElementsOf(range(perSender)));
        }
        members.forEach(TestClient::close);
    }

    @Test
    void binaryMessagesCrossNodesIntact() {
        try (TestClient sender = TestClient.connect(room(0, "binary"));
                TestClient receiver = TestClient.connect(room(2, "binary"))) {
            awaitMembers(room(1, "binary"), 2);
            byte[] bytes = new byte[64 * 1024];
            new Random(7).nextBytes(bytes);

            sender.sendBinary(bytes);

            assertThat(receiver.nextBinary()).isEqualTo(bytes);
            assertThat(sender.nextBinary())
                    .as("the sender's own node delivers once")
                    .isEqualTo(bytes);
        }
    }

    @Test
    void aPrincipalsSessionsOnEveryNodeGetItsMessages() {
        try (TestClient aliceHere = TestClient.connect(user(0), signedIn("alice"));
                TestClient aliceThere = TestClient.connect(user(1), signedIn("alice"));
                TestClient bob = TestClient.connect(user(2), signedIn("bob"))) {
            bob.sendText("to alice hello from bob");

            assertThat(aliceHere.nextText()).isEqualTo("hello from bob");
            assertThat(aliceThere.nextText()).isEqualTo("hello from bob");
            assertThat(bob.nextTextWithin(Duration.ofMillis(500))).isNull();

            aliceThere.sendText("all everyone");
            assertThat(List.of(aliceHere.nextText(), aliceThere.nextText(), bob.nextText()))
                    .containsOnly("everyone");
        }
    }

    @Test
    void aPrincipalsSessionLimitHoldsOverTheCluster() {
        try (TestClient first = TestClient.connect(user(0), signedIn("carol"));
                TestClient second = TestClient.connect(user(1), signedIn("carol"))) {
            // The upgrade is answered before the session opens and is counted: an answer proves both counted.
            assertThat(first.ask("me")).isEqualTo("me");
            assertThat(second.ask("me")).isEqualTo("me");

            assertThatThrownBy(() -> TestClient.connect(user(2), signedIn("carol")))
                    .as("a third session on a third node")
                    .isInstanceOfSatisfying(
                            TestClient.HandshakeRefused.class,
                            refused -> assertThat(refused.status()).isEqualTo(429));

            first.close();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> TestClient.connect(user(2), signedIn("carol")).close());
        }
    }

    @Test
    void membersAndRoomsAnswerForTheWholeCluster() {
        try (TestClient a = TestClient.connect(room(0, "census"));
                TestClient b = TestClient.connect(room(1, "census"));
                TestClient c = TestClient.connect(room(2, "census-2"))) {
            awaitMembers(room(0, "census"), 2);
            assertThat(a.ask("!members")).isEqualTo("members 2 nodes 2");
            assertThat(c.ask("!rooms")).contains("census,census-2");
        }
        awaitMembers(room(1, "census"), 0);
    }

    @Test
    void aKilledNodesMembersLeavePresenceWithinTheNodeTimeout() throws Exception {
        NodeProcess doomed = cluster.addNode("doomed");
        try (TestClient watcher = TestClient.connect(room(0, "wake"))) {
            TestClient.connect(doomed.base().resolve("room/wake"));
            TestClient.connect(doomed.base().resolve("room/wake"));
            awaitMembers(room(0, "wake"), 3);

            long killedAt = System.nanoTime();
            doomed.kill();
            awaitMembers(room(0, "wake"), 1);
            Duration gone = Duration.ofNanos(System.nanoTime() - killedAt);

            // node-timeout 1.5 s, a heartbeat every 0.5 s, and one membership query's wait
            assertThat(gone).isLessThan(Duration.ofSeconds(4));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(watcher.ask("!remote")).contains("-wake/"));
        } finally {
            doomed.close();
        }
    }

    private static List<Integer> range(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
