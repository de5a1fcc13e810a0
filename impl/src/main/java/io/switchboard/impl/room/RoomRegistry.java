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
import io.switchboard.impl.history.RoomLog;
import io.switchboard.impl.history.RoomLogs;
import io.switchboard.impl.session.SessionRegistry;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.impl.transaction.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@link RoomService} bean: joins, leaves and what they announce, over the {@link RoomTable}. A session that
 * closes while it joins is taken out again by whichever of the two comes second: the close marks the session closed
 * before it leaves all its rooms, and a join that finds it closed undoes itself. Joins of rooms with history go
 * through {@link Replays} (this node's history) or {@link SharedCatchUp} (a backplane's); sending is
 * {@link RoomDelivery}'s.
 *
 * <p>With a backplane, joins and leaves are told to the {@link Cluster} after they happened here. The
 * {@link #afterCommit()} view is {@link AfterCommit}'s.
 */
@ApplicationScoped
public class RoomRegistry implements RoomService {

    @Inject
    RoomTable rooms;

    @Inject
    RoomDelivery delivery;

    @Inject
    SessionRegistry sessions;

    @Inject
    Cluster cluster;

    @Inject
    RoomLogs logs;

    @Inject
    Replays replays;

    @Inject
    SharedCatchUp sharedCatchUp;

    @Inject
    AfterCommit afterCommit;

    /** {@link #afterCommit()}, made on first use; immutable, so a race makes two equal views. */
    private RoomService afterCommitView;

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
        Joined result = cluster.sharedHistory() != null
                ? sharedCatchUp.join(member, name, since, asked)
                : replays.join(member, name, since, asked);
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
        RoomTable.Removal removal = rooms.remove(member, name);
        if (removal.left()) {
            cluster.left(member, name);
            sessions.fire(new RoomLeft(member, name), member);
        }
        if (removal.emptied() != null) {
            removal.emptied().beans().destroyAll();
        }
        return removal.left();
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
        return Set.copyOf(rooms.names());
    }

    @Override
    public CompletionStage<DeliveryReport> broadcast(String room, Object message) {
        return delivery.send(room, message, null);
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastExcept(String room, Object message, Session excluded) {
        Objects.requireNonNull(excluded, "excluded");
        return delivery.send(room, message, sessions.tracked(excluded.getId()));
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastExcept(String room, Object message, SessionInfo excluded) {
        Objects.requireNonNull(excluded, "excluded");
        return delivery.send(room, message, entry(excluded));
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastWithPosition(String room, Function<RoomPosition, ?> message) {
        Objects.requireNonNull(message, "message");
        return delivery.send(room, new RoomDelivery.Positioned(message), null);
    }

    @Override
    public RoomService afterCommit() {
        RoomService view = afterCommitView;
        if (view == null) {
            view = afterCommit.rooms(this);
            afterCommitView = view;
        }
        return view;
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
        return rooms.all().stream()
                .map(r -> r.name() + "=" + r.members().size())
                .collect(Collectors.joining(", ", "rooms[", "]"));
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
