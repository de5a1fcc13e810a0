package io.switchboard.impl.room;

import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery;
import io.switchboard.RoomRecovery.Outcome;
import io.switchboard.impl.delivery.MessageEncoder;
import io.switchboard.impl.delivery.Payload;
import io.switchboard.impl.delivery.Recipient;
import io.switchboard.impl.history.RoomLog;
import io.switchboard.impl.history.RoomLogs;
import io.switchboard.impl.session.TrackedSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What rooms with history do beyond joining and sending: read the position a client asks to resume from, replay
 * what it missed into its send queue, and record each broadcast as it was sent. Called by the room registry with
 * the room's log locked.
 */
@ApplicationScoped
class Replays {

    private static final Logger LOG = Logger.getLogger(Replays.class.getName());

    @Inject
    RoomTable rooms;

    @Inject
    RoomLogs logs;

    /**
     * What a replay queued.
     *
     * @param recovery  the outcome, for the session and the endpoint
     * @param mustDrain whether the joining thread must start the session's writes once the log is unlocked
     */
    private record Replayed(RoomRecovery recovery, boolean mustDrain) {}

    /**
     * The position a session's handshake asked to resume a room from.
     *
     * @param member the session
     * @param room   the room
     * @param home   whether the room is the endpoint's {@code @Room}, which {@code switchboard-since} names too
     * @return the text of the position, or {@code null} if the handshake named none
     */
    String requested(TrackedSession member, String room, boolean home) {
        Map<String, List<String>> parameters = member.session().getRequestParameterMap();
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        List<String> named = parameters.get(RoomPosition.QUERY_PARAMETER + "." + room);
        if (named == null && home) {
            named = parameters.get(RoomPosition.QUERY_PARAMETER);
        }
        return named == null || named.isEmpty() ? null : named.get(0);
    }

    /**
     * Adds a session to a room with this node's history: with the room's log locked, so that no broadcast of the
     * room is recorded between the join and the replay.
     *
     * @param member the session
     * @param name   the room
     * @param since  the position's text, or {@code null}
     * @param asked  whether the session named a position
     * @return what the join did
     */
    Joined join(TrackedSession member, String name, String since, boolean asked) {
        long now = System.currentTimeMillis();
        RoomLog log = member.history().enabled() ? logs.open(name, member.history(), now) : logs.find(name);
        logs.sweepNowAndThen(rooms::has, now);
        if (log == null) {
            boolean joined = rooms.add(member, name, false);
            return new Joined(joined, asked ? new RoomRecovery(name, Outcome.NO_HISTORY, 0, null) : null);
        }
        Replayed replayed = null;
        Joined result;
        synchronized (log) {
            boolean joined = rooms.add(member, name, false);
            if (joined) {
                replayed = replay(member, name, log, asked ? since : null);
                member.recovered(replayed.recovery());
            }
            result = new Joined(
                    joined, joined ? replayed.recovery() : new RoomRecovery(name, Outcome.NOT_ASKED, 0, log.latest()));
        }
        if (replayed != null && replayed.mustDrain()) {
            member.outbox().drain();
        }
        return result;
    }

    /**
     * Queues what a joining session missed, all or nothing.
     *
     * @param member the session, a member already
     * @param room   the room
     * @param log    the room's log, locked by the caller
     * @param since  the position's text, or {@code null} when none was asked for
     * @return the outcome
     */
    private Replayed replay(TrackedSession member, String room, RoomLog log, String since) {
        if (since == null) {
            return new Replayed(new RoomRecovery(room, Outcome.NOT_ASKED, 0, log.latest()), false);
        }
        RoomPosition position;
        try {
            position = RoomPosition.parse(since);
        } catch (IllegalArgumentException e) {
            return refused(member, room, Outcome.UNREADABLE, log.latest());
        }
        RoomLog.Replay found = log.since(position, System.currentTimeMillis());
        if (found.outcome() != Outcome.RECOVERED) {
            return refused(member, room, found.outcome(), found.latest());
        }
        List<Payload> missed = new ArrayList<>(found.entries().size());
        found.entries().forEach(entry -> missed.add(entry.payload()));
        Boolean mustDrain = member.outbox().offerAll(missed);
        if (mustDrain == null) {
            return refused(member, room, Outcome.TOO_MANY, found.latest());
        }
        LOG.fine(() -> "Session " + member + " resumed room " + room + " from " + position + ": " + missed.size()
                + " replayed");
        return new Replayed(new RoomRecovery(room, Outcome.RECOVERED, missed.size(), found.latest()), mustDrain);
    }

    private static Replayed refused(TrackedSession member, String room, Outcome outcome, RoomPosition latest) {
        LOG.log(Level.FINE, () -> "Session " + member + " could not resume room " + room + ": " + outcome);
        return new Replayed(new RoomRecovery(room, outcome, 0, latest), false);
    }

    /**
     * Records a broadcast in its room's log as it is sent: text and binary as they are, an object as the first
     * member's endpoint encodes it. One that no member can encode still takes its offset, so no two messages ever
     * share a position, but is not kept.
     *
     * @param log     the room's log, locked by the caller
     * @param message the message
     * @param members the room's members
     * @return its position
     */
    RoomPosition record(RoomLog log, Object message, Iterable<? extends Recipient> members) {
        return log.append(MessageEncoder.asSent(message, members), System.currentTimeMillis());
    }
}
