package io.switchboard.tck.rooms;

import io.switchboard.Broadcaster;
import io.switchboard.DeliveryReport;
import io.switchboard.OpenSessions;
import io.switchboard.RoomService;
import io.switchboard.SessionInfo;
import io.switchboard.Untracked;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Drives and reads rooms from inside the deployment, from threads of its own (as application code that publishes
 * outside any callback would). Untracked itself. Commands are {@code name:arg:arg...}; see {@link #command}.
 */
@Untracked
@ServerEndpoint("/room-probe")
public class RoomProbe {

    /** Reports of the floods under way, summed by {@code flood-report}. */
    private static final ConcurrentLinkedQueue<CompletionStage<DeliveryReport>> FLOODS = new ConcurrentLinkedQueue<>();

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @Inject
    OpenSessions sessions;

    @Inject
    RoomLog log;

    @Inject
    RoomHistory history;

    @OnMessage
    public String command(String command) throws Exception {
        String[] args = command.split(":");
        return switch (args[0]) {
            case "rooms" ->
                new TreeSet<>(rooms.rooms())
                        .stream()
                                .map(room -> room + "=" + rooms.members(room).size())
                                .collect(Collectors.joining(","));
            case "members" -> String.valueOf(rooms.members(args[1]).size());
            case "log" -> String.join("\n", log.lines());
            case "reset" -> {
                log.clear();
                FLOODS.clear();
                yield "ok";
            }
            case "broadcast" -> Reports.format(wait(rooms.broadcast(args[1], args[2])));
            case "endpoint" -> Reports.format(wait(broadcaster.toEndpoint(args[1], args[2])));
            case "path" ->
                Reports.format(wait(broadcaster.toMatching(s -> s.requestPath().endsWith(args[1]), args[2])));
            case "principal" -> Reports.format(wait(broadcaster.toPrincipal(args[1], args[2])));
            case "in-room" -> rooms.inRoom(args[1], () -> history.summary());
            case "flood" ->
                flood(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "flood-until-drop" ->
                floodUntilDrop(
                        args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "flood-published" -> String.valueOf(FLOODS.size());
            case "flood-report" ->
                Reports.format(FLOODS.stream().map(RoomProbe::wait).reduce(DeliveryReport.EMPTY, Reports::sum));
            case "stress" -> stress(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "churn" -> churn(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "consistent" -> consistency();
            default -> "unknown:" + args[0];
        };
    }

    private static DeliveryReport wait(CompletionStage<DeliveryReport> report) {
        try {
            return report.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("No delivery report within 60 s", e);
        }
    }

    /**
     * Sends {@code count} messages of {@code size} bytes, numbered {@code <n>|}, to a room from a thread of its own,
     * pausing {@code pauseMicros} between them; their reports are summed by {@code flood-report}.
     */
    private String flood(String room, int count, int size, int pauseMicros) {
        Thread publisher = new Thread(
                () -> {
                    for (int n = 0; n < count; n++) {
                        String prefix = n + "|";
                        FLOODS.add(rooms.broadcast(room, prefix + "x".repeat(Math.max(0, size - prefix.length()))));
                        if (pauseMicros > 0) {
                            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pauseMicros));
                        }
                    }
                },
                "flood-" + room);
        publisher.start();
        return "started";
    }

    /**
     * Sends messages numbered {@code <n>|} of {@code size} bytes to a room, pausing {@code pauseMicros} between
     * them, until a message has been dropped (the send queue of a session that stopped reading overflowed; how
     * much a container buffers before its writes stop completing differs), then 50 more; at most {@code max}.
     * Answers how many were sent. Their reports are summed by {@code flood-report}.
     */
    private String floodUntilDrop(String room, int size, int max, int pauseMicros) {
        List<CompletableFuture<DeliveryReport>> sent = new ArrayList<>();
        int extra = -1;
        for (int n = 0; n < max && extra != 0; n++) {
            String prefix = n + "|";
            CompletableFuture<DeliveryReport> report = rooms.broadcast(
                            room, prefix + "x".repeat(Math.max(0, size - prefix.length())))
                    .toCompletableFuture();
            FLOODS.add(report);
            sent.add(report);
            if (extra > 0) {
                extra--;
            } else if (n % 8 == 0
                    && sent.subList(Math.max(0, sent.size() - 64), sent.size()).stream()
                            .anyMatch(r -> r.isDone() && r.join().dropped() > 0)) {
                extra = 50;
            }
            if (pauseMicros > 0) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pauseMicros));
            }
        }
        return String.valueOf(sent.size());
    }

    /**
     * Broadcasts {@code count} messages {@code s<sender>:<n>} from each of {@code senders} threads at once, and
     * answers the summed report once every message has ended.
     */
    private String stress(String room, int senders, int count) throws InterruptedException {
        List<CompletableFuture<DeliveryReport>> reports = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            CompletableFuture<DeliveryReport> total = new CompletableFuture<>();
            reports.add(total);
            threads.add(new Thread(
                    () -> {
                        DeliveryReport sum = DeliveryReport.EMPTY;
                        List<CompletionStage<DeliveryReport>> mine = new ArrayList<>();
                        for (int n = 0; n < count; n++) {
                            mine.add(rooms.broadcast(room, "s" + sender + ":" + n));
                        }
                        for (CompletionStage<DeliveryReport> report : mine) {
                            sum = Reports.sum(sum, wait(report));
                        }
                        total.complete(sum);
                    },
                    "stress-" + s));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return Reports.format(reports.stream().map(CompletableFuture::join).reduce(DeliveryReport.EMPTY, Reports::sum));
    }

    /**
     * From {@code threads} threads at once, {@code operations} times each: a random session of
     * {@code StressEndpoint} joins or leaves a random one of {@code roomCount} rooms {@code r0..}.
     */
    private String churn(int roomCount, int operations, int threadCount) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            threads.add(new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < operations; i++) {
                    List<SessionInfo> open = sessions.findByEndpoint("StressEndpoint");
                    if (open.isEmpty()) {
                        continue;
                    }
                    SessionInfo chosen = open.get(random.nextInt(open.size()));
                    String room = "r" + random.nextInt(roomCount);
                    try {
                        if (random.nextBoolean()) {
                            rooms.join(chosen.session(), room);
                        } else {
                            rooms.leave(chosen.session(), room);
                        }
                    } catch (IllegalArgumentException closedMeanwhile) {
                        // The session closed between the listing and the join: that race is the point.
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return "done";
    }

    /** Whether rooms and sessions agree: every member lists the room, every listed room holds the member. */
    private String consistency() {
        List<String> problems = new ArrayList<>();
        for (String room : rooms.rooms()) {
            for (SessionInfo member : rooms.members(room)) {
                if (sessions.findBySessionId(member.id()).isEmpty()) {
                    problems.add(member.id() + " is in " + room + " but closed");
                }
                if (!member.rooms().contains(room)) {
                    problems.add(member.id() + " is in " + room + " but does not list it");
                }
            }
        }
        for (SessionInfo session : sessions.listAll()) {
            for (String room : session.rooms()) {
                if (!rooms.members(room).contains(session)) {
                    problems.add(session.id() + " lists " + room + " but is not in it");
                }
            }
        }
        return problems.isEmpty() ? "ok" : String.join("\n", problems);
    }
}
