package io.switchboard.impl.room;

import io.switchboard.ClusterMember;
import io.switchboard.DeliveryReport;
import io.switchboard.RecordedMessages;
import io.switchboard.RoomJoined;
import io.switchboard.RoomLeft;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery;
import io.switchboard.RoomService;
import io.switchboard.SessionInfo;
import io.switchboard.impl.cluster.Cluster;
import io.switchboard.impl.cluster.LocalRooms;
import io.switchboard.impl.cluster.RecordedBroadcasts;
import io.switchboard.impl.delivery.Fanout;
import io.switchboard.impl.delivery.Recipient;
import io.switchboard.impl.history.RoomLog;
import io.switchboard.impl.history.RoomLogs;
import io.switchboard.impl.session.SessionRegistry;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.spi.ClusterBroadcast;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The deployment's rooms. A room's member set and each member's set of room names change together, under the
 * map's lock for that room name, so they never disagree; a room is removed from the map in the same step as its
 * last member. A session that closes while it joins is taken out again by whichever of the two comes second:
 * the close marks the session closed before it leaves all its rooms, and a join that finds it closed undoes itself.
 *
 * <p>With a backplane, joins and leaves are told to the {@link Cluster} after they happened here, and broadcasts
 * are delivered here and then published for the other nodes.
 *
 * <p>A room with history ({@link RoomLogs}) has its log's lock held across each broadcast's append and queueing,
 * and across each join with its replay: a session that resumes gets every broadcast after its position exactly
 * once, the missed ones first, whatever broadcasts run meanwhile.
 */
@ApplicationScoped
public class RoomRegistry implements RoomService, LocalRooms {

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();

    @Inject
    SessionRegistry sessions;

    @Inject
    Fanout fanout;

    @Inject
    Cluster cluster;

    @Inject
    RoomLogs logs;

    @Inject
    Replays replays;

    @Inject
    RecordedBroadcasts recorded;

    @Inject
    SharedCatchUp sharedCatchUp;

    @Override
    public boolean join(Session session, String room) {
        return join(tracked(session), room);
    }

    @Override
    public boolean join(SessionInfo session, String room) {
        return join(tracked(session), room);
    }

    /**
     * Adds a tracked session to a room, resuming from the position its handshake named for that room
     * ({@code switchboard-since.<room>}) the first time it joins it.
     *
     * @param member the session
     * @param name   the room
     * @return whether it was not a member yet; {@code false} also for a session that closed meanwhile
     */
    public boolean join(TrackedSession member, String name) {
        String since = member.recovery(name) == null ? replays.requested(member, name, false) : null;
        return join(member, name, since, since != null).joined();
    }

    /**
     * Adds a session to the room of its endpoint's {@code @Room}, resuming from the position its handshake named
     * ({@code switchboard-since.<room>}, else {@code switchboard-since}).
     *
     * @param member the session, opening
     * @param name   the room
     */
    public void joinHome(TrackedSession member, String name) {
        String since = replays.requested(member, name, true);
        join(member, name, since, since != null);
    }

    @Override
    public RoomRecovery join(Session session, String room, RoomPosition since) {
        return join(tracked(session), room, since == null ? null : since.toString(), since != null)
                .recovery();
    }

    private Joined join(TrackedSession member, String name, String since, boolean asked) {
        Objects.requireNonNull(name, "room");
        if (cluster.sharedHistory() != null) {
            return joinShared(member, name, since, asked);
        }
        long now = System.currentTimeMillis();
        RoomLog log = member.history().enabled() ? logs.open(name, member.history(), now) : logs.find(name);
        logs.sweepNowAndThen(rooms::containsKey, now);
        Joined result;
        if (log == null) {
            boolean joined = addMember(member, name);
            result =
                    new Joined(joined, asked ? new RoomRecovery(name, RoomRecovery.Outcome.NO_HISTORY, 0, null) : null);
        } else {
            Replays.Replayed replayed = null;
            synchronized (log) {
                boolean joined = addMember(member, name);
                if (joined) {
                    replayed = replays.replay(member, name, log, asked ? since : null);
                    member.recovered(replayed.recovery());
                }
                result = new Joined(
                        joined,
                        joined
                                ? replayed.recovery()
                                : new RoomRecovery(name, RoomRecovery.Outcome.NOT_ASKED, 0, log.latest()));
            }
            if (replayed != null && replayed.mustDrain()) {
                member.outbox().drain();
            }
        }
        return finish(result, member, name);
    }

    /** What every join does once the member is in: undone if it closed meanwhile, else told and announced. */
    private Joined finish(Joined result, TrackedSession member, String name) {
        if (!result.joined()) {
            return result;
        }
        RoomRecovery recovery = result.recovery();
        if (recovery != null && recovery.outcome() != RoomRecovery.Outcome.NOT_ASKED) {
            member.meters().resumed(recovery);
        }
        if (!member.isOpen()) {
            // Closed while joining: its close may already have left every room it knew of.
            leave(member, name);
            return new Joined(false, result.recovery());
        }
        cluster.joined(member, name);
        sessions.fire(new RoomJoined(member, name), member);
        return result;
    }

    /** With a shared history: the member joins catching up, reads what it missed, then gets it and what came since. */
    private Joined joinShared(TrackedSession member, String name, String since, boolean asked) {
        SharedCatchUp.Opened opened = sharedCatchUp.open(member, name);
        RoomPosition position = asked ? SharedCatchUp.parse(since) : null;
        boolean joined = addMember(member, name, position != null);
        RoomRecovery recovery;
        if (!joined) {
            recovery = new RoomRecovery(name, RoomRecovery.Outcome.NOT_ASKED, 0, opened.latest());
        } else if (!asked) {
            recovery = opened.recovery(name);
        } else if (position == null) {
            recovery = new RoomRecovery(name, RoomRecovery.Outcome.UNREADABLE, 0, opened.latest());
        } else {
            recovery = sharedCatchUp.catchUp(member, name, position, rooms::get);
        }
        if (joined && recovery != null) {
            member.recovered(recovery);
        }
        return finish(new Joined(joined, recovery), member, name);
    }

    /** Whether a join added the member, and what it replayed. */
    private record Joined(boolean joined, RoomRecovery recovery) {}

    private boolean addMember(TrackedSession member, String name) {
        return addMember(member, name, false);
    }

    private boolean addMember(TrackedSession member, String name, boolean catchingUp) {
        boolean[] joined = new boolean[1];
        rooms.compute(name, (key, room) -> {
            Room target = room == null ? new Room(key) : room;
            synchronized (target) {
                if (member.isOpen() && target.members().add(member)) {
                    member.roomNames().add(key);
                    joined[0] = true;
                    if (catchingUp) {
                        target.startCatchingUp(member);
                    }
                }
            }
            return target.members().isEmpty() ? null : target;
        });
        return joined[0];
    }

    @Override
    public Optional<RoomRecovery> recovery(Session session, String room) {
        TrackedSession member = sessions.tracked(session.getId());
        if (member == null || !member.roomNames().contains(room)) {
            return Optional.empty();
        }
        return Optional.ofNullable(member.recovery(room));
    }

    @Override
    public CompletionStage<RecordedMessages> history(String room, RoomPosition since) {
        Objects.requireNonNull(room, "room");
        if (cluster.sharedHistory() != null) {
            return sharedCatchUp.history(room, since);
        }
        RoomLog log = logs.find(room);
        return CompletableFuture.completedFuture(
                log == null
                        ? new RecordedMessages(false, List.of(), null)
                        : log.read(since, System.currentTimeMillis()));
    }

    @Override
    public boolean leave(Session session, String room) {
        TrackedSession member = sessions.tracked(session.getId());
        return member != null && leave(member, room);
    }

    @Override
    public boolean leave(SessionInfo session, String room) {
        TrackedSession member = entry(session);
        return member != null && leave(member, room);
    }

    /**
     * Removes a tracked session from a room; destroys the room's beans if it was the last member.
     *
     * @param member the session
     * @param name   the room
     * @return whether it was a member
     */
    public boolean leave(TrackedSession member, String name) {
        Room[] emptied = new Room[1];
        boolean[] left = new boolean[1];
        rooms.computeIfPresent(name, (key, room) -> {
            if (room.members().remove(member)) {
                member.roomNames().remove(key);
                left[0] = true;
            }
            if (room.members().isEmpty()) {
                emptied[0] = room;
                return null;
            }
            return room;
        });
        if (left[0]) {
            cluster.left(member, name);
            sessions.fire(new RoomLeft(member, name), member);
        }
        if (emptied[0] != null) {
            emptied[0].beans().destroyAll();
        }
        return left[0];
    }

    @Override
    public Set<String> leaveAll(Session session) {
        TrackedSession member = sessions.tracked(session.getId());
        return member == null ? Set.of() : leaveAll(member);
    }

    @Override
    public Set<String> leaveAll(SessionInfo session) {
        TrackedSession member = entry(session);
        return member == null ? Set.of() : leaveAll(member);
    }

    /**
     * Removes a tracked session from every room it is in: called as it closes.
     *
     * @param member the session
     * @return the rooms it left
     */
    public Set<String> leaveAll(TrackedSession member) {
        Set<String> left = new java.util.HashSet<>();
        for (String name : List.copyOf(member.roomNames())) {
            if (leave(member, name)) {
                left.add(name);
            }
        }
        return left;
    }

    @Override
    public Set<SessionInfo> members(String room) {
        Room found = rooms.get(room);
        return found == null ? Set.of() : Set.copyOf(found.members());
    }

    @Override
    public CompletionStage<Set<ClusterMember>> clusterMembers(String room) {
        return cluster.members(room, members(room));
    }

    @Override
    public CompletionStage<Set<String>> clusterRooms() {
        return cluster.rooms(rooms());
    }

    @Override
    public Set<String> roomsOf(Session session) {
        TrackedSession member = sessions.tracked(session.getId());
        return member == null ? Set.of() : member.rooms();
    }

    @Override
    public Set<String> roomsOf(SessionInfo session) {
        TrackedSession member = entry(session);
        return member == null ? Set.of() : member.rooms();
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public CompletionStage<DeliveryReport> broadcast(String room, Object message) {
        return send(room, message, null);
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastExcept(String room, Object message, Session excluded) {
        Objects.requireNonNull(excluded, "excluded");
        return send(room, message, sessions.tracked(excluded.getId()));
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastExcept(String room, Object message, SessionInfo excluded) {
        Objects.requireNonNull(excluded, "excluded");
        return send(room, message, entry(excluded));
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastWithPosition(String room, Function<RoomPosition, ?> message) {
        Objects.requireNonNull(message, "message");
        return send(room, new Positioned(message), null);
    }

    /** A message made from the position its broadcast gets. */
    private record Positioned(Function<RoomPosition, ?> factory) {}

    /**
     * Broadcasts to a room: recorded in its history first where it keeps one, then published for the other nodes
     * and queued for this node's members.
     *
     * @param message  the message, or a {@link Positioned} that makes it from its position
     * @param excluded the member that does not receive it, or {@code null}
     */
    private CompletionStage<DeliveryReport> send(String room, Object message, TrackedSession excluded) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(message, "message");
        if (cluster.sharedHistory() != null) {
            Room found = rooms.get(room);
            Set<TrackedSession> members = found == null ? Set.of() : found.members();
            return message instanceof Positioned positioned
                    ? recorded.send(room, null, positioned.factory(), excluded, members)
                    : recorded.send(room, message, null, excluded, members);
        }
        RoomLog log = logs.find(room);
        if (log == null) {
            return sendUnrecorded(room, built(message, null), excluded);
        }
        RoomPosition position;
        Fanout.Queued queued;
        CompletionStage<Boolean> published;
        synchronized (log) {
            Object built = built(message, log.next());
            Room found = rooms.get(room);
            Set<TrackedSession> members = found == null ? Set.of() : found.members();
            position = replays.record(log, built, members);
            ClusterBroadcast outgoing = cluster.outgoing(ClusterBroadcast.Audience.ROOM, room, built, members);
            published = outgoing == null ? null : cluster.publish(outgoing);
            queued = fanout.queue(members, built, excluded);
        }
        logs.sweepNowAndThen(rooms::containsKey, System.currentTimeMillis());
        CompletionStage<DeliveryReport> local = fanout.start(queued).thenApply(r -> r.withPosition(position));
        return published == null ? local : Cluster.reported(local, published);
    }

    private CompletionStage<DeliveryReport> sendUnrecorded(String room, Object message, TrackedSession excluded) {
        Room found = rooms.get(room);
        Set<TrackedSession> members = found == null ? Set.of() : found.members();
        ClusterBroadcast outgoing = cluster.outgoing(ClusterBroadcast.Audience.ROOM, room, message, members);
        CompletionStage<Boolean> published = outgoing == null ? null : cluster.publish(outgoing);
        CompletionStage<DeliveryReport> local = found == null
                ? CompletableFuture.completedFuture(DeliveryReport.EMPTY)
                : fanout.send(members, message, excluded);
        return published == null ? local : Cluster.reported(local, published);
    }

    /** The message itself, or what a positioned message makes of the position. */
    private static Object built(Object message, RoomPosition position) {
        if (message instanceof Positioned positioned) {
            return Objects.requireNonNull(positioned.factory().apply(position), "the message made from the position");
        }
        return message;
    }

    @Override
    public CompletionStage<DeliveryReport> deliverLocally(String room, Object message, Recipient excluded) {
        Room found = rooms.get(room);
        return found == null
                ? CompletableFuture.completedFuture(DeliveryReport.EMPTY)
                : fanout.send(found.members(), message, excluded);
    }

    @Override
    public CompletionStage<DeliveryReport> deliverRecorded(
            String room, RoomPosition position, Object message, Recipient excluded) {
        Room found = rooms.get(room);
        if (found == null) {
            return CompletableFuture.completedFuture(DeliveryReport.EMPTY);
        }
        Fanout.Queued queued;
        synchronized (found) {
            found.delivered(position);
            Iterable<TrackedSession> recipients = found.members();
            if (found.anyCatchingUp()) {
                List<TrackedSession> live = new java.util.ArrayList<>();
                for (TrackedSession member : found.members()) {
                    if (member != excluded && !found.holdFor(member, position, message)) {
                        live.add(member);
                    }
                }
                recipients = live;
            }
            queued = fanout.queue(recipients, message, excluded);
        }
        return fanout.start(queued).thenApply(report -> report.withPosition(position));
    }

    @Override
    public RoomPosition latestKnown(String room) {
        Room found = rooms.get(room);
        if (found == null) {
            return null;
        }
        synchronized (found) {
            return found.latest();
        }
    }

    @Override
    public Map<String, Set<ClusterMember>> localMembers(Function<SessionInfo, ClusterMember> member) {
        Map<String, Set<ClusterMember>> snapshot = new HashMap<>();
        rooms.forEach((name, room) ->
                snapshot.put(name, room.members().stream().map(member).collect(Collectors.toUnmodifiableSet())));
        return snapshot;
    }

    @Override
    public <T> T inRoom(String room, Supplier<T> work) {
        Room found = rooms.get(room);
        Room target = found != null ? found : new Room(room);
        Room previous = RoomContext.enter(target);
        try {
            return work.get();
        } finally {
            RoomContext.exit(previous);
            if (found == null) {
                target.beans().destroyAll();
            }
        }
    }

    /**
     * Makes the room of a session's callbacks (see {@link TrackedSession#callbackRoom()}) current on this thread,
     * for as long as the callback runs. Allocates nothing.
     *
     * @param member the session whose callback is about to run
     * @return what to hand to {@link #exitCallback} when the callback is done
     */
    public Object enterCallback(TrackedSession member) {
        String name = member == null ? null : member.callbackRoom();
        return RoomContext.enter(name == null ? null : rooms.get(name));
    }

    /**
     * Restores what was current before {@link #enterCallback}.
     *
     * @param previous what {@link #enterCallback} returned
     */
    public void exitCallback(Object previous) {
        RoomContext.exit((Room) previous);
    }

    /** The names of the rooms, for the log and tests: a snapshot with member counts. */
    @Override
    public String toString() {
        return rooms.values().stream()
                .map(r -> r.name() + "=" + r.members().size())
                .collect(Collectors.joining(", ", "rooms[", "]"));
    }

    @PreDestroy
    void destroyRoomBeans() {
        rooms.values().forEach(room -> room.beans().destroyAll());
        rooms.clear();
    }

    private TrackedSession tracked(Session session) {
        TrackedSession member = sessions.tracked(session.getId());
        if (member == null) {
            throw new IllegalArgumentException(
                    "Switchboard: session " + session.getId() + " is not an open session" + " of a tracked endpoint");
        }
        return member;
    }

    private TrackedSession tracked(SessionInfo session) {
        TrackedSession member = entry(session);
        if (member == null) {
            throw new IllegalArgumentException(
                    "Switchboard: session " + session.id() + " is not a session of a" + " tracked endpoint");
        }
        return member;
    }

    /**
     * The registry's entry for a session as {@code OpenSessions} listed it: the entry itself (which may have closed
     * since; every caller copes with that), else the open session with its id.
     */
    private TrackedSession entry(SessionInfo session) {
        return session instanceof TrackedSession tracked ? tracked : sessions.tracked(session.id());
    }
}
