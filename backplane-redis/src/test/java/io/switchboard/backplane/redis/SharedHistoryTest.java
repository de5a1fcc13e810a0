package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.ClusterMember;
import io.switchboard.RoomPosition;
import io.switchboard.redis.RedisServer;
import io.switchboard.spi.BackplaneNode;
import io.switchboard.spi.ClusterBroadcast;
import io.switchboard.spi.Presence;
import io.switchboard.spi.SharedHistory.Range;
import io.switchboard.spi.SharedHistory.Recorded;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two backplanes (two nodes in this JVM) keep room history in one real Redis: positions, conflicts, rooms without
 * history, concurrent records from both, reads, lost and aged history, and a Redis that does not answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedHistoryTest {

    private static final Duration TTL = Duration.ofMinutes(1);
    private static final AtomicInteger ROOMS = new AtomicInteger();

    private RedisServer redis;
    private RecordingNode nodeA;
    private RecordingNode nodeB;
    private RedisBackplane a;
    private RedisBackplane b;

    @BeforeAll
    void start() throws Exception {
        RedisRequirement.check();
        redis = RedisServer.start(Path.of("target"));
        nodeA = new RecordingNode("node-a");
        nodeB = new RecordingNode("node-b");
        a = started(nodeA, redis, Duration.ofSeconds(3));
        b = started(nodeB, redis, Duration.ofSeconds(3));
    }

    @AfterAll
    void stop() throws Exception {
        for (RedisBackplane backplane : new RedisBackplane[] {a, b}) {
            if (backplane != null) {
                backplane.stop();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static RedisBackplane started(RecordingNode node, RedisServer redis, Duration timeout) {
        RedisBackplane backplane = new RedisBackplane();
        backplane.start(
                node,
                new RedisSettings(
                        redis.uri().toString(),
                        "history",
                        timeout,
                        Duration.ofMillis(1500),
                        Duration.ofMillis(50),
                        Duration.ofMillis(300),
                        10_000,
                        Optional.empty()));
        await().atMost(Duration.ofSeconds(10)).until(backplane::connected);
        return backplane;
    }

    /** A room no other test uses. */
    private static String newRoom() {
        return "room " + ROOMS.incrementAndGet() + ":meta";
    }

    private static ClusterBroadcast broadcast(RecordingNode from, String room, String text) {
        return new ClusterBroadcast(
                from.id(), ClusterBroadcast.Audience.ROOM, room, true, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Recorded done(CompletionStage<Recorded> recorded) throws Exception {
        return recorded.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static String text(ClusterBroadcast broadcast) {
        return new String(broadcast.payload(), StandardCharsets.UTF_8);
    }

    private static List<Long> offsets(List<ClusterBroadcast> broadcasts) {
        return broadcasts.stream().map(each -> each.position().offset()).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void positionsAreGivenOutOneAfterAnotherFromOneAndEveryNodeReceivesThem() throws Exception {
        String room = newRoom();
        RoomPosition opened = a.open(room, 10, TTL);
        assertThat(opened.offset()).isZero();
        assertThat(b.open(room, 10, TTL)).as("the same history from any node").isEqualTo(opened);
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }

        Recorded first = done(a.record(broadcast(nodeA, room, "one"), null));
        Recorded second = done(b.record(broadcast(nodeB, room, "two"), null));
        Recorded third = done(
                a.record(new ClusterBroadcast(nodeA.id(), ClusterBroadcast.Audience.ROOM, room, false, binary), null));

        assertThat(List.of(first, second, third))
                .containsExactly(
                        new Recorded(true, new RoomPosition(opened.epoch(), 1), null),
                        new Recorded(true, new RoomPosition(opened.epoch(), 2), null),
                        new Recorded(true, new RoomPosition(opened.epoch(), 3), null));
        for (RecordingNode node : List.of(nodeA, nodeB)) {
            List<ClusterBroadcast> received = node.awaitIn(room, 3);
            assertThat(offsets(received))
                    .as("on " + node.id() + ", its own included")
                    .containsExactly(1L, 2L, 3L);
            assertThat(received).extracting(ClusterBroadcast::origin).containsExactly("node-a", "node-b", "node-a");
            assertThat(text(received.get(0))).isEqualTo("one");
            assertThat(received.get(2).text()).isFalse();
            assertThat(received.get(2).payload()).isEqualTo(binary);
            assertThat(received.get(2).position()).isEqualTo(third.position());
        }
        assertThat(a.open(room, 10, TTL)).isEqualTo(new RoomPosition(opened.epoch(), 3));
    }

    @Test
    void aBroadcastBuiltForAnotherPositionIsNeitherRecordedNorPublished() throws Exception {
        String room = newRoom();
        String epoch = a.open(room, 10, TTL).epoch();

        assertThat(done(a.record(broadcast(nodeA, room, "too far"), new RoomPosition(epoch, 5))))
                .isEqualTo(new Recorded(false, null, new RoomPosition(epoch, 1)));
        assertThat(done(b.record(broadcast(nodeB, room, "old epoch"), new RoomPosition("x" + epoch, 1))))
                .isEqualTo(new Recorded(false, null, new RoomPosition(epoch, 1)));
        assertThat(done(a.record(broadcast(nodeA, room, "built for 1"), new RoomPosition(epoch, 1))))
                .isEqualTo(new Recorded(true, new RoomPosition(epoch, 1), null));
        assertThat(done(a.record(broadcast(nodeA, room, "built for 1 again"), new RoomPosition(epoch, 1))))
                .isEqualTo(new Recorded(false, null, new RoomPosition(epoch, 2)));
        assertThat(done(b.record(broadcast(nodeB, room, "built for 2"), new RoomPosition(epoch, 2))))
                .isEqualTo(new Recorded(true, new RoomPosition(epoch, 2), null));

        for (RecordingNode node : List.of(nodeA, nodeB)) {
            assertThat(node.awaitIn(room, 2))
                    .extracting(SharedHistoryTest::text)
                    .containsExactly("built for 1", "built for 2");
        }
        Thread.sleep(200);
        assertThat(nodeA.in(room)).as("nothing else published").hasSize(2);
        assertThat(a.read(room, new RoomPosition(epoch, 0)).broadcasts())
                .extracting(SharedHistoryTest::text)
                .containsExactly("built for 1", "built for 2");
    }

    @Test
    void aRoomWithoutHistoryGetsItsBroadcastsPlainAndOnlyThoseBuiltForNoPosition() throws Exception {
        String room = newRoom();

        assertThat(done(a.record(broadcast(nodeA, room, "plain"), null))).isEqualTo(new Recorded(true, null, null));
        assertThat(done(a.record(broadcast(nodeA, room, "built for a position"), new RoomPosition("abc", 1))))
                .as("built again without one")
                .isEqualTo(new Recorded(false, null, null));

        for (RecordingNode node : List.of(nodeA, nodeB)) {
            List<ClusterBroadcast> received = node.awaitIn(room, 1);
            assertThat(received.get(0).position()).isNull();
            assertThat(text(received.get(0))).isEqualTo("plain");
        }
        Thread.sleep(200);
        assertThat(nodeB.in(room)).hasSize(1);
        assertThat(b.read(room, new RoomPosition("abc", 0))).isEqualTo(new Range(null, 0, List.of()));
        assertThat(redis.cli("EXISTS", "history:history:" + room, "history:history-meta:" + room))
                .as("a record never makes history")
                .isEqualTo("0");
    }

    @Test
    void recordsFromBothNodesAndManyThreadsReachEveryNodeOnceInTheOrderOfTheirPositions() throws Exception {
        String room = newRoom();
        int perThread = 250;
        int size = 100;
        String epoch = a.open(room, size, TTL).epoch();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<List<Recorded>>> sending = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                RedisBackplane backplane = t % 2 == 0 ? a : b;
                RecordingNode node = t % 2 == 0 ? nodeA : nodeB;
                int thread = t;
                sending.add(threads.submit(() -> {
                    List<CompletionStage<Recorded>> mine = new ArrayList<>();
                    for (int n = 0; n < perThread; n++) {
                        mine.add(backplane.record(broadcast(node, room, thread + ":" + n), null));
                    }
                    List<Recorded> done = new ArrayList<>();
                    for (CompletionStage<Recorded> each : mine) {
                        done.add(done(each));
                    }
                    return done;
                }));
            }
            Set<Long> given = new HashSet<>();
            for (Future<List<Recorded>> each : sending) {
                List<Long> mine = each.get(20, TimeUnit.SECONDS).stream()
                        .map(recorded -> recorded.position().offset())
                        .toList();
                assertThat(mine).as("one thread's records, in the order asked").isSorted();
                given.addAll(mine);
            }
            assertThat(given).as("each position once").hasSize(4 * perThread);
        } finally {
            threads.shutdownNow();
        }

        for (RecordingNode node : List.of(nodeA, nodeB)) {
            List<ClusterBroadcast> received = node.awaitIn(room, 4 * perThread);
            assertThat(offsets(received)).as("on " + node.id()).containsExactlyElementsOf(range(1, 4 * perThread));
            Map<String, List<Integer>> byThread = new java.util.HashMap<>();
            for (ClusterBroadcast each : received) {
                String[] parts = text(each).split(":");
                byThread.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
            }
            byThread.values()
                    .forEach(sequence -> assertThat(sequence).isSorted().hasSize(perThread));
        }
        Thread.sleep(200);
        assertThat(nodeB.in(room)).as("nothing twice").hasSize(4 * perThread);

        Range kept = b.read(room, new RoomPosition(epoch, 0));
        assertThat(kept.latest()).isEqualTo(new RoomPosition(epoch, 4 * perThread));
        assertThat(kept.firstKept()).isEqualTo(4 * perThread - size + 1);
        assertThat(offsets(kept.broadcasts()))
                .containsExactlyElementsOf(range(4 * perThread - size + 1, 4 * perThread));
        assertThat(redis.cli("XLEN", "history:history:" + room)).isEqualTo(Integer.toString(size));
    }

    @Test
    void aReadReturnsExactlyWhatCameAfterThePositionInItsEpoch() throws Exception {
        String room = newRoom();
        String epoch = a.open(room, 10, TTL).epoch();
        for (int i = 1; i <= 5; i++) {
            done(a.record(broadcast(nodeA, room, "m" + i), null));
        }

        Range after2 = b.read(room, new RoomPosition(epoch, 2));
        assertThat(after2.latest()).isEqualTo(new RoomPosition(epoch, 5));
        assertThat(after2.firstKept()).isEqualTo(1);
        assertThat(after2.broadcasts()).extracting(SharedHistoryTest::text).containsExactly("m3", "m4", "m5");
        assertThat(after2.broadcasts())
                .extracting(ClusterBroadcast::position)
                .containsExactly(new RoomPosition(epoch, 3), new RoomPosition(epoch, 4), new RoomPosition(epoch, 5));
        assertThat(after2.broadcasts()).allSatisfy(each -> {
            assertThat(each.origin()).isEqualTo("node-a");
            assertThat(each.audience()).isEqualTo(ClusterBroadcast.Audience.ROOM);
            assertThat(each.target()).isEqualTo(room);
        });
        assertThat(b.read(room, new RoomPosition(epoch, 5)).broadcasts()).isEmpty();
        assertThat(b.read(room, new RoomPosition(epoch, 0)).broadcasts()).hasSize(5);
        assertThat(b.read(room, new RoomPosition(epoch, 99)).broadcasts()).isEmpty();

        Range otherEpoch = b.read(room, new RoomPosition("other", 2));
        assertThat(otherEpoch.broadcasts()).isEmpty();
        assertThat(otherEpoch.latest()).isEqualTo(new RoomPosition(epoch, 5));
        assertThat(otherEpoch.firstKept()).isEqualTo(1);
    }

    @Test
    void aSmallerSizeTrimsAtOnce() throws Exception {
        String room = newRoom();
        String epoch = a.open(room, 10, TTL).epoch();
        for (int i = 1; i <= 5; i++) {
            done(a.record(broadcast(nodeA, room, "m" + i), null));
        }

        assertThat(b.open(room, 2, TTL)).isEqualTo(new RoomPosition(epoch, 5));

        Range kept = a.read(room, new RoomPosition(epoch, 0));
        assertThat(kept.firstKept()).isEqualTo(4);
        assertThat(offsets(kept.broadcasts())).containsExactly(4L, 5L);
    }

    @Test
    void historyLostToAFlushOrItsTtlComesBackWithANewEpoch() throws Exception {
        String flushed = newRoom();
        RoomPosition before = a.open(flushed, 10, TTL);
        done(a.record(broadcast(nodeA, flushed, "lost"), null));

        redis.flushAll();

        RoomPosition after = b.open(flushed, 10, TTL);
        assertThat(after.epoch()).isNotEqualTo(before.epoch());
        assertThat(after.offset()).isZero();
        Range read = a.read(flushed, new RoomPosition(before.epoch(), 0));
        assertThat(read).isEqualTo(new Range(after, 1, List.of()));
        assertThat(done(a.record(broadcast(nodeA, flushed, "new"), null)).position())
                .isEqualTo(new RoomPosition(after.epoch(), 1));

        String expiring = newRoom();
        RoomPosition first = a.open(expiring, 10, Duration.ofMillis(300));
        done(a.record(broadcast(nodeA, expiring, "expires"), null));
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        redis.cli("EXISTS", "history:history-meta:" + expiring).equals("0"));
        assertThat(b.read(expiring, first.next())).isEqualTo(new Range(null, 0, List.of()));
        RoomPosition reopened = b.open(expiring, 10, Duration.ofMillis(300));
        assertThat(reopened.epoch()).isNotEqualTo(first.epoch());
        assertThat(reopened.offset()).isZero();
    }

    @Test
    void aRoomKeepsItsHistoryWhileItHasMembersAndLosesItTtlAfterTheLastLeft() throws Exception {
        String room = newRoom();
        String bare = newRoom();
        // Shorter than the node timeout (1.5 s), so a heartbeat keeps it for the node timeout instead.
        Duration ttl = Duration.ofMillis(400);
        String meta = "history:history-meta:" + room;
        String stream = "history:history:" + room;
        ClusterMember first = nodeA.join(a, "s1", room);
        ClusterMember second = nodeA.join(a, "s2", room);
        nodeA.join(a, "s3", bare);
        RoomPosition opened = a.open(room, 10, ttl);
        RoomPosition recorded =
                done(a.record(broadcast(nodeA, room, "kept"), null)).position();

        Thread.sleep(ttl.multipliedBy(5).toMillis());

        assertThat(redis.cli("EXISTS", meta, stream)).as("idle members keep it").isEqualTo("2");
        Range kept = b.read(room, opened);
        assertThat(kept.latest()).as("the same epoch").isEqualTo(recorded);
        assertThat(kept.broadcasts())
                .as("its broadcast, older than the ttl, is not")
                .isEmpty();
        assertThat(Long.parseLong(redis.cli("PTTL", meta)))
                .as("for the node timeout since the last heartbeat")
                .isBetween(1L, 1500L);
        assertThat(redis.cli("EXISTS", "history:history-meta:" + bare, "history:history:" + bare))
                .as("a heartbeat makes no history")
                .isEqualTo("0");

        nodeA.leave(a, first, room);
        Thread.sleep(ttl.multipliedBy(5).toMillis());
        assertThat(redis.cli("EXISTS", meta)).as("one member left is enough").isEqualTo("1");
        assertThat(redis.cli("SISMEMBER", "history:node:node-a:rooms", room)).isEqualTo("1");

        long leftAt = System.nanoTime();
        nodeA.leave(a, second, room);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> redis.cli("EXISTS", meta, stream).equals("0"));
        assertThat(Duration.ofNanos(System.nanoTime() - leftAt))
                .as("at least a ttl after the last member left")
                .isGreaterThanOrEqualTo(ttl);
        assertThat(redis.cli("SISMEMBER", "history:node:node-a:rooms", room)).isEqualTo("0");
        assertThat(a.open(room, 10, ttl).epoch()).as("made again").isNotEqualTo(opened.epoch());
    }

    @Test
    void broadcastsOlderThanTheTtlAreNoLongerKept() throws Exception {
        String room = newRoom();
        Duration ttl = Duration.ofMillis(1000);
        String epoch = a.open(room, 10, ttl).epoch();
        done(a.record(broadcast(nodeA, room, "old 1"), null));
        done(a.record(broadcast(nodeA, room, "old 2"), null));
        Thread.sleep(700);
        done(a.record(broadcast(nodeA, room, "young"), null));
        Thread.sleep(500);

        Range kept = b.read(room, new RoomPosition(epoch, 0));

        assertThat(kept.latest()).isEqualTo(new RoomPosition(epoch, 3));
        assertThat(kept.firstKept()).isEqualTo(3);
        assertThat(kept.broadcasts()).extracting(SharedHistoryTest::text).containsExactly("young");
        assertThat(redis.cli("XLEN", "history:history:" + room))
                .as("dropped from Redis too")
                .isEqualTo("1");
    }

    @Test
    void aRedisThatDoesNotAnswerFailsEachCallWithinTheTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        RecordingNode lonely = new RecordingNode("node-lonely");
        try (RedisServer own = RedisServer.start(Path.of("target"))) {
            RedisBackplane backplane = started(lonely, own, timeout);
            try {
                String room = newRoom();
                RoomPosition opened = backplane.open(room, 10, TTL);

                own.freeze();
                try {
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> done(backplane.record(broadcast(lonely, room, "frozen"), null)))
                            .isInstanceOf(ExecutionException.class)
                            .cause()
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageStartingWith("Switchboard: the redis backplane could not record");
                    assertThatThrownBy(() -> backplane.open(room, 10, TTL)).isInstanceOf(IllegalStateException.class);
                    assertThatThrownBy(() -> backplane.read(room, opened))
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageNotContaining("127.0.0.1");
                    assertThat(Duration.ofNanos(System.nanoTime() - start))
                            .as("three calls, each within the timeout")
                            .isLessThan(timeout.multipliedBy(3).plusMillis(1000));
                } finally {
                    own.thaw();
                }

                own.kill();
                await().atMost(Duration.ofSeconds(5)).until(() -> !backplane.connected());
                long start = System.nanoTime();
                CompletableFuture<Recorded> refused =
                        backplane.record(broadcast(lonely, room, "down"), null).toCompletableFuture();
                assertThat(refused).isCompletedExceptionally();
                assertThatThrownBy(refused::join).hasCauseInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> backplane.open(room, 10, TTL))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("not connected");
                assertThatThrownBy(() -> backplane.read(room, opened)).isInstanceOf(IllegalStateException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("refused at once")
                        .isLessThan(Duration.ofMillis(200));
            } finally {
                backplane.stop();
            }
        }
    }

    /** A node that keeps every broadcast the backplane hands it. */
    private static final class RecordingNode implements BackplaneNode {

        private final String id;
        private final List<ClusterBroadcast> delivered = new CopyOnWriteArrayList<>();
        private final Set<String> memberships = ConcurrentHashMap.newKeySet();

        RecordingNode(String id) {
            this.id = id;
        }

        List<ClusterBroadcast> in(String room) {
            return delivered.stream().filter(each -> each.target().equals(room)).toList();
        }

        List<ClusterBroadcast> awaitIn(String room, int count) {
            await().atMost(Duration.ofSeconds(10)).until(() -> in(room).size() >= count);
            return in(room);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean presenceEvents() {
            return false;
        }

        @Override
        public void deliver(ClusterBroadcast broadcast) {
            delivered.add(broadcast);
        }

        @Override
        public void remoteJoined(ClusterMember member, String room) {}

        @Override
        public void remoteLeft(ClusterMember member, String room) {}

        @Override
        public void connectionChanged(boolean connected) {}

        /** A session of this node joins a room: the backplane is told, as Switchboard tells it. */
        ClusterMember join(RedisBackplane backplane, String sessionId, String room) {
            ClusterMember member = new ClusterMember(id, sessionId, "history-endpoint", null);
            memberships.add(sessionId + "/" + room);
            backplane.joined(member, room);
            return member;
        }

        void leave(RedisBackplane backplane, ClusterMember member, String room) {
            memberships.remove(member.sessionId() + "/" + room);
            backplane.left(member, room);
        }

        @Override
        public boolean inRoom(String sessionId, String room) {
            return memberships.contains(sessionId + "/" + room);
        }

        @Override
        public int heldHere(String key) {
            return 0;
        }

        @Override
        public Presence presence() {
            return new Presence(Map.of(), Map.of());
        }
    }
}
