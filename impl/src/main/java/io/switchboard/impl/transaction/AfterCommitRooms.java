package io.switchboard.impl.transaction;

import io.switchboard.ClusterMember;
import io.switchboard.DeliveryReport;
import io.switchboard.RecordedMessages;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery;
import io.switchboard.RoomService;
import io.switchboard.SessionInfo;
import jakarta.websocket.Session;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link RoomService#afterCommit()}: the broadcasts go through {@link AfterCommit}; everything else is the plain
 * service's. Arguments are checked at the call, as the plain service checks them, so a mistake throws where it is
 * made and not on the committing thread.
 */
final class AfterCommitRooms implements RoomService {

    private final RoomService plain;
    private final AfterCommit afterCommit;

    AfterCommitRooms(RoomService plain, AfterCommit afterCommit) {
        this.plain = plain;
        this.afterCommit = afterCommit;
    }

    @Override
    public CompletionStage<DeliveryReport> broadcast(String room, Object message) {
        Objects.requireNonNull(room, "room");
        Object taken = AfterCommit.taken(Objects.requireNonNull(message, "message"));
        return afterCommit.send(() -> plain.broadcast(room, taken));
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastExcept(String room, Object message, Session excluded) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(excluded, "excluded");
        Object taken = AfterCommit.taken(Objects.requireNonNull(message, "message"));
        return afterCommit.send(() -> plain.broadcastExcept(room, taken, excluded));
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastExcept(String room, Object message, SessionInfo excluded) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(excluded, "excluded");
        Object taken = AfterCommit.taken(Objects.requireNonNull(message, "message"));
        return afterCommit.send(() -> plain.broadcastExcept(room, taken, excluded));
    }

    @Override
    public CompletionStage<DeliveryReport> broadcastWithPosition(String room, Function<RoomPosition, ?> message) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(message, "message");
        return afterCommit.send(() -> plain.broadcastWithPosition(room, message));
    }

    @Override
    public RoomService afterCommit() {
        return this;
    }

    @Override
    public boolean join(Session session, String room) {
        return plain.join(session, room);
    }

    @Override
    public boolean join(SessionInfo session, String room) {
        return plain.join(session, room);
    }

    @Override
    public RoomRecovery join(Session session, String room, RoomPosition since) {
        return plain.join(session, room, since);
    }

    @Override
    public Optional<RoomRecovery> recovery(Session session, String room) {
        return plain.recovery(session, room);
    }

    @Override
    public CompletionStage<RecordedMessages> history(String room, RoomPosition since) {
        return plain.history(room, since);
    }

    @Override
    public boolean leave(Session session, String room) {
        return plain.leave(session, room);
    }

    @Override
    public boolean leave(SessionInfo session, String room) {
        return plain.leave(session, room);
    }

    @Override
    public Set<String> leaveAll(Session session) {
        return plain.leaveAll(session);
    }

    @Override
    public Set<String> leaveAll(SessionInfo session) {
        return plain.leaveAll(session);
    }

    @Override
    public Set<SessionInfo> members(String room) {
        return plain.members(room);
    }

    @Override
    public Set<String> roomsOf(Session session) {
        return plain.roomsOf(session);
    }

    @Override
    public Set<String> roomsOf(SessionInfo session) {
        return plain.roomsOf(session);
    }

    @Override
    public Set<String> rooms() {
        return plain.rooms();
    }

    @Override
    public CompletionStage<Set<ClusterMember>> clusterMembers(String room) {
        return plain.clusterMembers(room);
    }

    @Override
    public CompletionStage<Set<String>> clusterRooms() {
        return plain.clusterRooms();
    }

    @Override
    public <T> T inRoom(String room, Supplier<T> work) {
        return plain.inRoom(room, work);
    }

    @Override
    public String toString() {
        return "afterCommit(" + plain + ")";
    }
}
