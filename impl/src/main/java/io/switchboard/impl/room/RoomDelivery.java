package io.switchboard.impl.room;

import io.switchboard.ClusterMember;
import io.switchboard.DeliveryReport;
import io.switchboard.RoomPosition;
import io.switchboard.SessionInfo;
import io.switchboard.impl.cluster.Cluster;
import io.switchboard.impl.cluster.LocalRooms;
import io.switchboard.impl.cluster.RecordedBroadcasts;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.delivery.Fanout;
import io.switchboard.impl.delivery.Recipient;
import io.switchboard.impl.history.RoomLog;
import io.switchboard.impl.history.RoomLogs;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.spi.ClusterBroadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sending to rooms, in the three ways a room's broadcast travels: recorded in this node's history ({@link RoomLog},
 * whose lock is held while the broadcast is recorded and queued), through a backplane that keeps history
 * ({@link RecordedBroadcasts}), or unrecorded; and delivering what other nodes sent, as the cluster's
 * {@link LocalRooms}.
 */
@ApplicationScoped
class RoomDelivery implements LocalRooms {

    @Inject
    RoomTable rooms;

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

    /** A message made from the position its broadcast gets. */
    record Positioned(Function<RoomPosition, ?> factory) {}

    /**
     * Broadcasts to a room: recorded in its history first where it keeps one, then published for the other nodes
     * and queued for this node's members.
     *
     * @param room     the room
     * @param message  the message, or a {@link Positioned} that makes it from its position
     * @param excluded the member that does not receive it, or {@code null}
     * @return the stage of the delivery report
     */
    CompletionStage<DeliveryReport> send(String room, Object message, TrackedSession excluded) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(message, "message");
        Room here = rooms.get(room);
        if (cluster.sharedHistory() != null && (here == null || here.recorded())) {
            // Through the engine's history, which decides whether it is recorded. A room whose members here all keep
            // no history goes the unrecorded way: its members here need not wait for the engine.
            Set<TrackedSession> members = here == null ? Set.of() : here.members();
            HistorySettings bounds = here == null ? HistorySettings.NONE : here.history();
            return message instanceof Positioned positioned
                    ? recorded.send(room, null, positioned.factory(), excluded, members, bounds)
                    : recorded.send(room, message, null, excluded, members, bounds);
        }
        RoomLog log = cluster.sharedHistory() != null ? null : logs.find(room);
        if (log == null) {
            return sendUnrecorded(room, here, built(message, null), excluded);
        }
        RoomPosition position;
        Fanout.Queued queued;
        CompletionStage<Boolean> published;
        synchronized (log) {
            Object built = built(message, log.next());
            Room found = rooms.get(room); // read again under the lock: a join may have made it since
            Set<TrackedSession> members = found == null ? Set.of() : found.members();
            position = replays.record(log, built, members);
            ClusterBroadcast outgoing = cluster.outgoing(ClusterBroadcast.Audience.ROOM, room, built, members);
            published = outgoing == null ? null : cluster.publish(outgoing);
            queued = fanout.queue(members, built, excluded);
        }
        logs.sweepNowAndThen(rooms::has, System.currentTimeMillis());
        CompletionStage<DeliveryReport> local = fanout.start(queued).thenApply(r -> r.withPosition(position));
        return published == null ? local : Cluster.reported(local, published);
    }

    private CompletionStage<DeliveryReport> sendUnrecorded(
            String room, Room found, Object message, TrackedSession excluded) {
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
                List<TrackedSession> live = new ArrayList<>();
                for (TrackedSession member : found.members()) {
                    if (member != excluded
                            && !found.holdFor(member, position, message)
                            && !found.replayedAlready(member, position)) {
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
        for (Room room : rooms.all()) {
            snapshot.put(room.name(), room.members().stream().map(member).collect(Collectors.toUnmodifiableSet()));
        }
        return snapshot;
    }
}
