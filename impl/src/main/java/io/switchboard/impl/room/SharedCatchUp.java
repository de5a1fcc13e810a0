package io.switchboard.impl.room;

import io.switchboard.CloseCategory;
import io.switchboard.RecordedMessages;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery;
import io.switchboard.RoomRecovery.Outcome;
import io.switchboard.impl.cluster.Cluster;
import io.switchboard.impl.delivery.MessageEncoder;
import io.switchboard.impl.delivery.Payload;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.spi.ClusterBroadcast;
import io.switchboard.spi.SharedHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.EncodeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Joins and reads of rooms whose history the backplane keeps ({@link SharedHistory}). A session that resumes joins
 * the room as a member that is catching up: the recorded broadcasts that reach this node meanwhile are held for it.
 * It then reads what it missed from the backplane (a blocking round trip, without any lock), and under the room's
 * lock gets that and then what was held for it, each broadcast once, in the order of positions, before the next one
 * that arrives.
 */
@ApplicationScoped
class SharedCatchUp {

    private static final Logger LOG = Logger.getLogger(SharedCatchUp.class.getName());

    @Inject
    Cluster cluster;

    @Inject
    RoomTable rooms;

    /**
     * Where a room stood as a session of an endpoint with history joined it.
     *
     * @param enabled     whether the session's endpoint keeps history
     * @param latest      the room's latest position, or {@code null}
     * @param unavailable whether the backplane could not say
     */
    private record Opened(boolean enabled, RoomPosition latest, boolean unavailable) {

        /** The recovery of a join that asked for nothing, or {@code null} for an endpoint without history. */
        RoomRecovery recovery(String room) {
            if (!enabled) {
                return null;
            }
            return new RoomRecovery(room, unavailable ? Outcome.UNAVAILABLE : Outcome.NOT_ASKED, 0, latest);
        }
    }

    /**
     * Adds a session to a room whose history the backplane keeps: as a member catching up when it names a position,
     * which then reads what it missed and gets it with what came meanwhile.
     *
     * @param member the session
     * @param name   the room
     * @param since  the position's text, or {@code null}
     * @param asked  whether the session named a position
     * @return what the join did
     */
    Joined join(TrackedSession member, String name, String since, boolean asked) {
        Opened opened = open(member, name);
        RoomPosition position = asked ? parse(since) : null;
        // Without the backplane (its open just failed), a resume is not tried: it would wait for it a second time.
        boolean catchUp = position != null && !opened.unavailable();
        // A session that names no position still catches up from the position its open read: broadcasts recorded
        // between that read and its join may have passed this node before it was a member, and the application's
        // snapshot stops at that position.
        boolean fromOpen = !asked && opened.enabled() && opened.latest() != null;
        boolean joined = rooms.add(member, name, catchUp || fromOpen);
        RoomRecovery recovery;
        if (!joined) {
            recovery = new RoomRecovery(name, Outcome.NOT_ASKED, 0, opened.latest());
        } else if (fromOpen) {
            // What it is given past that position is what "every later broadcast reaches it live" promises: not a
            // replay it asked for.
            catchUp(member, name, opened.latest());
            recovery = new RoomRecovery(name, Outcome.NOT_ASKED, 0, opened.latest());
        } else if (!asked) {
            recovery = opened.recovery(name);
        } else if (position == null) {
            recovery = new RoomRecovery(name, Outcome.UNREADABLE, 0, opened.latest());
        } else if (!catchUp) {
            recovery = new RoomRecovery(name, Outcome.UNAVAILABLE, 0, null);
        } else {
            recovery = catchUp(member, name, position);
        }
        if (joined && recovery != null && recovery.outcome() != Outcome.NO_HISTORY) {
            member.recovered(recovery);
        }
        return new Joined(joined, recovery);
    }

    /** Makes sure the room keeps history if the session's endpoint does, and says where it stands. */
    private Opened open(TrackedSession member, String room) {
        if (!member.history().enabled()) {
            return new Opened(false, null, false);
        }
        try {
            return new Opened(
                    true,
                    cluster.sharedHistory()
                            .open(
                                    room,
                                    member.history().size(),
                                    member.history().ttl()),
                    false);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Switchboard: the backplane could not open the history of room " + room, e);
            return new Opened(true, null, true);
        }
    }

    /** A position's text read, or {@code null} if it is not one. */
    private static RoomPosition parse(String text) {
        try {
            return RoomPosition.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Reads what a member that joined catching up missed, and queues it with what was held for it meanwhile.
     *
     * @param member the member, catching up in the room
     * @param name   the room
     * @param since  the last position it saw
     * @return the recovery
     */
    private RoomRecovery catchUp(TrackedSession member, String name, RoomPosition since) {
        SharedHistory.Range range;
        try {
            range = cluster.sharedHistory().read(name, since);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Switchboard: the backplane could not read the history of room " + name, e);
            range = null;
        }
        Outcome outcome = outcome(range, since);
        RoomPosition latest = range == null ? null : range.latest();
        Room room = rooms.get(name);
        if (room == null) {
            return new RoomRecovery(name, outcome, 0, latest); // closed or left meanwhile
        }
        boolean mustDrain;
        int replayed;
        synchronized (room) {
            List<Room.Missed> held = room.stopCatchingUp(member);
            List<Payload> missed = new ArrayList<>();
            long last = since.offset();
            if (outcome == Outcome.RECOVERED) {
                for (ClusterBroadcast broadcast : range.broadcasts()) {
                    if (broadcast.position().offset() > last) {
                        missed.add(payload(broadcast));
                        last = broadcast.position().offset();
                    }
                }
            }
            List<Payload> live = new ArrayList<>();
            for (Room.Missed later : held == null ? List.<Room.Missed>of() : held) {
                boolean alreadyReplayed = outcome == Outcome.RECOVERED
                        && later.position().epoch().equals(since.epoch())
                        && later.position().offset() <= last;
                if (!alreadyReplayed) {
                    live.add(payload(later.message()));
                }
            }
            if (outcome == Outcome.RECOVERED && last > since.offset()) {
                room.replayedUpTo(member, new RoomPosition(since.epoch(), last));
            }
            List<Payload> all = new ArrayList<>(missed);
            all.addAll(live);
            Boolean drain = member.outbox().offerAll(all);
            replayed = missed.size();
            if (drain == null && outcome == Outcome.RECOVERED) {
                outcome = Outcome.TOO_MANY;
                replayed = 0;
                drain = member.outbox().offerAll(live);
            }
            if (drain == null) {
                member.close(CloseCategory.SLOW_CONSUMER, "Could not take the broadcasts that came while resuming");
                drain = false;
            }
            mustDrain = drain;
        }
        if (mustDrain) {
            member.outbox().drain();
        }
        return new RoomRecovery(name, outcome, replayed, latest);
    }

    private static Outcome outcome(SharedHistory.Range range, RoomPosition since) {
        if (range == null) {
            return Outcome.UNAVAILABLE;
        }
        RoomPosition latest = range.latest();
        if (latest == null) {
            return Outcome.NO_HISTORY;
        }
        if (!latest.epoch().equals(since.epoch())) {
            return Outcome.OTHER_EPOCH;
        }
        if (since.offset() > latest.offset()) {
            return Outcome.AHEAD;
        }
        if (since.offset() < range.firstKept() - 1) {
            return Outcome.TOO_OLD;
        }
        return Outcome.RECOVERED;
    }

    /**
     * Reads a room's history for the application.
     *
     * @param room  the room
     * @param since the last position seen, or {@code null} for everything kept
     * @return completes with the broadcasts
     */
    CompletionStage<RecordedMessages> history(String room, RoomPosition since) {
        return CompletableFuture.supplyAsync(() -> {
            SharedHistory shared = cluster.sharedHistory();
            RoomPosition from = since;
            SharedHistory.Range range = shared.read(room, from == null ? new RoomPosition("0", 0) : from);
            if (from == null && range.latest() != null) {
                from = new RoomPosition(range.latest().epoch(), 0);
                range = shared.read(room, from);
            }
            if (range.latest() == null) {
                return new RecordedMessages(false, List.of(), null);
            }
            List<RecordedMessages.Message> messages = new ArrayList<>();
            for (ClusterBroadcast broadcast : range.broadcasts()) {
                messages.add(new RecordedMessages.Message(
                        broadcast.position(),
                        null,
                        broadcast.text() ? new String(broadcast.payload(), StandardCharsets.UTF_8) : null,
                        broadcast.text()
                                ? null
                                : ByteBuffer.wrap(broadcast.payload()).asReadOnlyBuffer()));
            }
            boolean complete = outcome(range, from) == Outcome.RECOVERED;
            return new RecordedMessages(complete, messages, range.latest());
        });
    }

    private static Payload payload(ClusterBroadcast broadcast) {
        return payload(Cluster.messageOf(broadcast));
    }

    private static Payload payload(Object message) {
        try {
            return MessageEncoder.PLAIN.encode(message);
        } catch (EncodeException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }
}
