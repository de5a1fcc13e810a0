package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.RoomPosition;
import io.switchboard.backplane.redis.nodes.HistoryRoomEndpoint;
import io.switchboard.backplane.redis.nodes.PlainRoomEndpoint;
import io.switchboard.tck.client.TestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Room history kept in Redis, seen from clients of two nodes in two JVMs: a session resumes on the other node, and
 * hops between the nodes while a room streams; every member on every node gets one order of positions, also for
 * messages built from their position on both nodes at once; history lost to a flush comes back with a new epoch; a
 * room without history works as before; a resume while Redis is down says so and keeps the session. The endpoints
 * are {@link HistoryRoomEndpoint} ({@code /history/<room>}) and {@link PlainRoomEndpoint} ({@code /plain/<room>}).
 * The tests that flush or stop Redis run last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterHistoryTest {

    /** The nodes' command timeout ({@link TestCluster#properties}). */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

    private TestCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = TestCluster.start("history", 2, Map.of());
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A room no other test uses. */
    private static String freshRoom() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A member of a room with history on a node, resuming from a position if one is given. */
    private TestClient member(int node, String room, String since) {
        String query = since == null ? "" : "?switchboard-since=" + URLEncoder.encode(since, StandardCharsets.UTF_8);
        return TestClient.connect(cluster.at(node, "history/" + room + query));
    }

    /** Reads texts until the answer to {@code recovery}: the broadcasts before it, and the answer last. */
    private static List<String> untilRecovery(TestClient client) {
        client.sendText("recovery");
        List<String> seen = new ArrayList<>();
        while (true) {
            String next = client.nextText();
            seen.add(next);
            if (next.startsWith("recovery:")) {
                return seen;
            }
        }
    }

    /** Joins, and waits until the join is done (its recovery answered). */
    private TestClient joined(int node, String room) {
        TestClient client = member(node, room, null);
        assertThat(untilRecovery(client)).singleElement().asString().startsWith("recovery:NOT_ASKED:0:");
        return client;
    }

    /** Whether a message was built from its position ({@code say}), rather than sent as it is (no space). */
    private static boolean positioned(String message) {
        return message.contains(" ");
    }

    private static String positionOf(String broadcast) {
        return broadcast.substring(0, broadcast.indexOf(' '));
    }

    private static RoomPosition parsedPositionOf(String broadcast) {
        return RoomPosition.parse(positionOf(broadcast));
    }

    private static long offsetOf(String broadcast) {
        return parsedPositionOf(broadcast).offset();
    }

    private static String textOf(String broadcast) {
        return broadcast.substring(broadcast.indexOf(' ') + 1);
    }

    private static List<Long> range(long from, int count) {
        return LongStream.range(from, from + count).boxed().toList();
    }

    /** What {@code history} answers: the latest position, and each broadcast kept as position and text. */
    private record Kept(String latest, List<RoomPosition> positions, List<String> texts) {}

    private static Kept history(TestClient client) {
        client.sendText("history");
        String answer = client.nextText();
        assertThat(answer).startsWith("history:");
        String[] lines = answer.split("\n");
        List<RoomPosition> positions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int equals = lines[i].indexOf('=');
            positions.add(RoomPosition.parse(lines[i].substring(0, equals)));
            texts.add(lines[i].substring(equals + 1));
        }
        return new Kept(lines[0].substring("history:".length()), positions, texts);
    }

    @Test
    @Order(1)
    void aSessionResumesOnTheOtherNodeWithWhatBothNodesBroadcastMeanwhile() {
        String room = freshRoom();
        try (TestClient here = joined(0, room);
                TestClient there = joined(1, room)) {
            TestClient leaver = joined(0, room);
            String seenLast = null;
            for (int i = 1; i <= 3; i++) {
                here.sendText("say:before" + i);
                assertThat(here.nextText()).endsWith(" before" + i);
                assertThat(there.nextText()).endsWith(" before" + i);
                seenLast = leaver.nextText();
                assertThat(seenLast).endsWith(" before" + i);
            }
            leaver.abort();

            List<String> missed = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                (i % 2 == 0 ? there : here).sendText("say:missed" + i);
                String onHere = here.nextText();
                assertThat(there.nextText()).isEqualTo(onHere);
                assertThat(onHere).endsWith(" missed" + i);
                missed.add(onHere);
            }

            try (TestClient back = member(1, room, positionOf(seenLast))) {
                List<String> seen = untilRecovery(back);

                List<String> expected = new ArrayList<>(missed);
                expected.add("recovery:RECOVERED:6:" + positionOf(missed.get(5)));
                assertThat(seen)
                        .as("the missed ones, in order, then the answer")
                        .containsExactlyElementsOf(expected);
                assertThat(missed)
                        .extracting(ClusterHistoryTest::parsedPositionOf)
                        .extracting(RoomPosition::epoch)
                        .containsOnly(parsedPositionOf(seenLast).epoch());
                assertThat(missed)
                        .extracting(ClusterHistoryTest::offsetOf)
                        .containsExactlyElementsOf(range(offsetOf(seenLast) + 1, 6));

                here.sendText("say:live");
                String live = back.nextText();
                assertThat(live).endsWith(" live");
                assertThat(offsetOf(live)).isEqualTo(offsetOf(seenLast) + 7);
                assertThat(back.nextTextWithin(Duration.ofMillis(300)))
                        .as("nothing twice")
                        .isNull();
            }
        }
    }

    @Test
    @Order(2)
    void aClientHoppingBetweenTheNodesWhileARoomStreamsGetsEveryBroadcastOnceInOrder() {
        String room = freshRoom();
        int total = 2400;
        List<Long> offsets = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        List<String> hops = new ArrayList<>();
        String last = null;
        boolean done = false;
        try (TestClient streamer = joined(0, room)) {
            streamer.sendText("stream:" + total);
            while (!streamer.nextText().equals("streaming")) {
                // broadcasts of the stream, already
            }
            while (!done) {
                // Node 1 first: the stream comes from node 0's own thread.
                int node = nodes.size() % 2 == 0 ? 1 : 0;
                nodes.add(node);
                String expected = last == null ? "recovery:NOT_ASKED:0:" : "recovery:RECOVERED:";
                StringBuilder hop = new StringBuilder("on node " + node + " since " + last + ":");
                try (TestClient client = member(node, room, last)) {
                    client.sendText("recovery");
                    // Read some, then drop the connection without a word, mid-stream.
                    for (int read = 0; read < 150 && !done; ) {
                        String next = client.nextText();
                        if (next.startsWith("recovery:")) {
                            hop.append(" [")
                                    .append(next)
                                    .append(" after ")
                                    .append(read)
                                    .append(']');
                            assertThat(next).as("hop " + nodes.size()).startsWith(expected);
                            continue;
                        }
                        if (read == 0) {
                            hop.append(" first ").append(offsetOf(next));
                        }
                        offsets.add(offsetOf(next));
                        indexes.add(Integer.parseInt(textOf(next).substring(1)));
                        last = positionOf(next);
                        done = textOf(next).equals("m" + total);
                        read++;
                    }
                    client.abort();
                }
                hops.add(hop.append(" last ").append(last).toString());
            }
        }

        assertThat(nodes.size() - 1).as("hops from one node to the other").isGreaterThanOrEqualTo(8);
        String trail = String.join("\n", hops);
        Map<Long, Integer> times = new HashMap<>();
        offsets.forEach(offset -> times.merge(offset, 1, Integer::sum));
        assertThat(times.entrySet().stream()
                        .filter(each -> each.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList())
                .as("offsets received twice; the hops:\n%s", trail)
                .isEmpty();
        // The first connection joined after the stream began; from its first broadcast on nothing is missing.
        long firstOffset = offsets.get(0);
        long lastOffset = offsets.get(offsets.size() - 1);
        assertThat(range(firstOffset, (int) (lastOffset - firstOffset + 1)).stream()
                        .filter(offset -> !times.containsKey(offset))
                        .toList())
                .as("offsets missing; the hops:\n%s", trail)
                .isEmpty();
        assertThat(offsets).as("every offset from the first, once, in order").isSorted();
        int first = indexes.get(0);
        assertThat(indexes)
                .as("and every broadcast of the stream")
                .containsExactlyElementsOf(range(first, total - first + 1).stream()
                        .map(Long::intValue)
                        .toList());
    }

    @Test
    @Order(3)
    void membersOnBothNodesGetOneSequenceOfPositionsFromSendersOnBoth() throws Exception {
        String room = freshRoom();
        int perSender = 40;
        List<TestClient> senders = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            for (int s = 0; s < 6; s++) {
                senders.add(joined(s % 2, room));
            }
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < senders.size(); s++) {
                TestClient sender = senders.get(s);
                String id = "s" + s;
                sending.add(threads.submit(() -> {
                    for (int n = 0; n < perSender; n++) {
                        // Half built from their position, half given one by Redis.
                        sender.sendText((n % 2 == 0 ? "say:" : "plain:") + id + "-" + n);
                    }
                    return null;
                }));
            }
            for (Future<?> each : sending) {
                each.get(30, TimeUnit.SECONDS);
            }

            List<List<String>> received = new ArrayList<>();
            for (TestClient member : senders) {
                received.add(upTo(member, senders.size() * perSender));
            }
            for (int m = 0; m < received.size(); m++) {
                assertThat(received.get(m).stream()
                                .filter(message -> message.startsWith("null "))
                                .toList())
                        .as(
                                "member %d, on node %d: messages built for no position, which only one node delivers",
                                m, m % 2)
                        .isEmpty();
            }
            List<String> sequence = received.get(0);
            for (int m = 1; m < received.size(); m++) {
                assertThat(received.get(m))
                        .as("member " + m + ", on node " + m % 2 + ", against member 0 on node 0")
                        .containsExactlyElementsOf(sequence);
            }
            assertThat(sequence).hasSize(senders.size() * perSender);
            assertThat(senders.get(0).nextTextWithin(Duration.ofMillis(300))).isNull();
            assertThat(senders.get(1).nextTextWithin(Duration.ofMillis(300))).isNull();

            // Each sender's in its order.
            Map<String, List<Integer>> bySender = new HashMap<>();
            for (String message : sequence) {
                String[] idAndNumber = (positioned(message) ? textOf(message) : message).split("-");
                bySender.computeIfAbsent(idAndNumber[0], k -> new ArrayList<>()).add(Integer.parseInt(idAndNumber[1]));
            }
            assertThat(bySender).hasSize(senders.size());
            bySender.values()
                    .forEach(numbers -> assertThat(numbers)
                            .containsExactlyElementsOf(range(0, perSender).stream()
                                    .map(Long::intValue)
                                    .toList()));

            // The positions Redis gave them: one after another, in the order every member received them.
            Kept kept = history(senders.get(1));
            assertThat(kept.texts()).containsExactlyElementsOf(sequence);
            assertThat(kept.positions())
                    .extracting(RoomPosition::epoch)
                    .containsOnly(kept.positions().get(0).epoch());
            assertThat(kept.positions())
                    .extracting(RoomPosition::offset)
                    .containsExactlyElementsOf(range(1, sequence.size()));
            assertThat(kept.latest())
                    .isEqualTo(kept.positions().get(sequence.size() - 1).toString());
            for (int i = 0; i < sequence.size(); i++) {
                if (positioned(sequence.get(i))) {
                    assertThat(parsedPositionOf(sequence.get(i)))
                            .as("a message built from its position got that position")
                            .isEqualTo(kept.positions().get(i));
                }
            }
        } finally {
            threads.shutdownNow();
            senders.forEach(TestClient::close);
        }
    }

    @Test
    @Order(4)
    void messagesBuiltFromTheirPositionOnBothNodesAtOnceGetThePositionTheyWereBuiltFor() throws Exception {
        String room = freshRoom();
        int perSender = 40;
        List<TestClient> senders = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int s = 0; s < 4; s++) {
                senders.add(joined(s % 2, room));
            }
            long buildsBefore = builds(senders.get(0)) + builds(senders.get(1));
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < senders.size(); s++) {
                TestClient sender = senders.get(s);
                String id = "c" + s;
                sending.add(threads.submit(() -> {
                    for (int n = 0; n < perSender; n++) {
                        sender.sendText("report:" + id + "-" + n);
                    }
                    return null;
                }));
            }
            for (Future<?> each : sending) {
                each.get(30, TimeUnit.SECONDS);
            }

            int broadcasts = senders.size() * perSender;
            List<String> sequence = null;
            Map<String, RoomPosition> reported = new HashMap<>();
            for (TestClient member : senders) {
                List<String> mine = new ArrayList<>();
                for (String next : upTo(member, broadcasts + perSender)) {
                    if (next.startsWith("report:")) {
                        String report = next.substring("report:".length());
                        reported.put(textOf(report), parsedPositionOf(report));
                    } else {
                        mine.add(next);
                    }
                }
                if (sequence == null) {
                    sequence = mine;
                } else {
                    assertThat(mine).as("one order on both nodes").containsExactlyElementsOf(sequence);
                }
            }
            assertThat(sequence).hasSize(broadcasts);

            RoomPosition firstPosition = parsedPositionOf(sequence.get(0));
            assertThat(sequence)
                    .extracting(ClusterHistoryTest::parsedPositionOf)
                    .as("unique, without gaps, in the order delivered")
                    .containsExactlyElementsOf(range(firstPosition.offset(), broadcasts).stream()
                            .map(offset -> new RoomPosition(firstPosition.epoch(), offset))
                            .toList());
            assertThat(reported).hasSize(broadcasts);
            for (String message : sequence) {
                assertThat(reported.get(textOf(message)))
                        .as("the delivery report of " + textOf(message))
                        .isEqualTo(parsedPositionOf(message));
            }
            Kept kept = history(senders.get(0));
            assertThat(kept.texts()).containsExactlyElementsOf(sequence);
            assertThat(kept.positions())
                    .as("as recorded")
                    .containsExactlyElementsOf(sequence.stream()
                            .map(ClusterHistoryTest::parsedPositionOf)
                            .toList());

            long builds = builds(senders.get(0)) + builds(senders.get(1)) - buildsBefore;
            assertThat(builds)
                    .as("messages built again where the other node took the position first: the conflict path ran")
                    .isGreaterThan(broadcasts);
        } finally {
            threads.shutdownNow();
            senders.forEach(TestClient::close);
        }
    }

    /** The next texts, up to a count: fewer if none comes for 1.5 s. */
    private static List<String> upTo(TestClient client, int count) {
        List<String> texts = new ArrayList<>();
        while (texts.size() < count) {
            String next = client.nextTextWithin(Duration.ofMillis(1500));
            if (next == null) {
                break;
            }
            texts.add(next);
        }
        return texts;
    }

    /** Waits until a session can join a room with history on each node, as the backplane is connected again. */
    private void awaitHistoryOnBothNodes() {
        for (int node = 0; node < 2; node++) {
            int each = node;
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        try (TestClient probe = member(each, freshRoom(), null)) {
                            assertThat(probe.ask("recovery")).startsWith("recovery:NOT_ASKED:0:");
                        }
                    });
        }
    }

    /** How many messages the client's node built from a position. Ask only while nothing is broadcast to its room. */
    private static long builds(TestClient client) {
        String answer = client.ask("builds");
        assertThat(answer).startsWith("builds:");
        return Long.parseLong(answer.substring("builds:".length()));
    }

    @Test
    @Order(5)
    void aRoomWithoutHistoryWorksAsBeforeOnBothNodes() throws Exception {
        String room = freshRoom();
        try (TestClient here = TestClient.connect(cluster.at(0, "plain/" + room));
                TestClient there = TestClient.connect(cluster.at(1, "plain/" + room))) {
            assertThat(here.ask("recovery")).isEqualTo("recovery:none");
            assertThat(there.ask("recovery")).isEqualTo("recovery:none");

            here.sendText("say:built");
            there.sendText("given");
            assertThat(List.of(here.nextText(), here.nextText())).containsExactlyInAnyOrder("null built", "given");
            assertThat(List.of(there.nextText(), there.nextText())).containsExactlyInAnyOrder("null built", "given");

            there.sendText("report:reported");
            assertThat(List.of(there.nextText(), there.nextText()))
                    .containsExactlyInAnyOrder("reported", "report:true null");
            assertThat(here.nextText()).isEqualTo("reported");
            assertThat(here.nextTextWithin(Duration.ofMillis(300))).isNull();
            assertThat(cluster.redis().cli("EXISTS", "history:history-meta:" + room, "history:history:" + room))
                    .as("no history in Redis")
                    .isEqualTo("0");

            // A client that names a position, as it would on any endpoint: the room keeps no history, as on one node.
            try (TestClient resumed = TestClient.connect(cluster.at(1, "plain/" + room + "?switchboard-since=abc:1"))) {
                // Its own broadcast comes back once it has joined.
                resumed.sendText("joined");
                assertThat(resumed.nextText()).as("nothing replayed").isEqualTo("joined");
                assertThat(here.nextText()).isEqualTo("joined");
                here.sendText("after");
                assertThat(resumed.nextText()).as("live ones as before").isEqualTo("after");
                assertThat(resumed.ask("recovery"))
                        .as("no recovery, as RoomService.recovery says for a room without history")
                        .isEqualTo("recovery:none");
            }
        }
    }

    @Test
    @Order(10)
    void afterAFlushAResumeFromAnOldPositionIsOfAnotherEpochAndBroadcastsGetTheNewOne() throws Exception {
        String room = freshRoom();
        try (TestClient here = joined(0, room)) {
            here.sendText("say:old");
            String old = here.nextText();

            cluster.redis().flushAll();

            try (TestClient back = member(1, room, positionOf(old))) {
                List<String> seen = untilRecovery(back);
                assertThat(seen).hasSize(1);
                String[] answer = seen.get(0).split(":");
                assertThat(answer[1]).isEqualTo("OTHER_EPOCH");
                assertThat(answer[2]).isEqualTo("0");
                String epoch = answer[3];
                assertThat(epoch).isNotEqualTo(parsedPositionOf(old).epoch());
                assertThat(answer[4]).as("a new history").isEqualTo("0");

                back.sendText("say:new");
                String onThere = back.nextText();
                assertThat(onThere).isEqualTo(epoch + ":1 new");
                assertThat(here.nextText()).isEqualTo(onThere);
            }
        }
    }

    @Test
    @Order(11)
    void afterAFlushTheNextBroadcastOfARoomWhoseMembersStayedGetsANewEpoch() throws Exception {
        String room = freshRoom();
        try (TestClient here = joined(0, room);
                TestClient there = joined(1, room)) {
            here.sendText("say:old");
            String old = here.nextText();
            assertThat(there.nextText()).isEqualTo(old);

            cluster.redis().flushAll();

            here.sendText("say:new");
            String onHere = here.nextText();
            assertThat(there.nextText()).isEqualTo(onHere);
            assertThat(onHere).as("a position, of a new epoch").doesNotStartWith("null ");
            assertThat(parsedPositionOf(onHere).epoch())
                    .isNotEqualTo(parsedPositionOf(old).epoch());
            assertThat(offsetOf(onHere)).isEqualTo(1);
        }
    }

    @Test
    @Order(20)
    void aResumeWhileRedisIsDownEndsUnavailableAtOnceAndTheSessionWorksOnItsNode() throws Exception {
        String room = freshRoom();
        NodeProcess there = cluster.node(1);
        try (TestClient here = joined(0, room)) {
            here.sendText("say:before");
            String before = here.nextText();
            int outages = there.outputCount("backplane is unreachable");

            cluster.redis().kill();
            try {
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> there.outputCount("backplane is unreachable") > outages);
                long start = System.nanoTime();
                try (TestClient back = member(1, room, positionOf(before))) {
                    assertThat(untilRecovery(back)).containsExactly("recovery:UNAVAILABLE:0:null");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
                    assertThat(back.isClosedByServer()).isFalse();
                    back.sendText("say:meanwhile");
                    assertThat(back.nextText())
                            .as("broadcasts reach this node's members, without a position (none was given)")
                            .isEqualTo("null meanwhile");
                }
            } finally {
                cluster.redis().restart();
                awaitHistoryOnBothNodes();
            }
        }
    }

    @Test
    @Order(21)
    void aResumeWhileRedisDoesNotAnswerEndsUnavailableWithinTheTimeoutAndTheSessionStaysOpen() throws Exception {
        String room = freshRoom();
        try (TestClient here = joined(0, room)) {
            here.sendText("say:before");
            String before = here.nextText();

            // Frozen: Redis keeps its sockets and answers nothing; the join waits for the command timeout, once.
            cluster.redis().freeze();
            try {
                long start = System.nanoTime();
                try (TestClient back = member(1, room, positionOf(before))) {
                    assertThat(untilRecovery(back)).containsExactly("recovery:UNAVAILABLE:0:null");
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(back.ask("recovery")).isEqualTo("recovery:UNAVAILABLE:0:null");
                    assertThat(back.isClosedByServer()).isFalse();
                    assertThat(took)
                            .as("within the timeout (%s)", COMMAND_TIMEOUT)
                            .isLessThan(COMMAND_TIMEOUT.plusSeconds(1));
                }
            } finally {
                cluster.redis().thaw();
            }
        }
    }
}
