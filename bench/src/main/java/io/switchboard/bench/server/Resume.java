package io.switchboard.bench.server;

import io.switchboard.Broadcaster;
import io.switchboard.RecordedMessages;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery;
import io.switchboard.RoomService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link ResumeEndpoint} does as a session opens, and the counters the load generator reads ({@code resume}
 * of {@code ControlEndpoint}); and the cut of the drop scenario ({@code resume-drop}: every open session closed
 * with 1012, service restart).
 */
final class Resume {

    /** The broadcasts a room keeps, and the most a snapshot holds. */
    static final int SNAPSHOT_SIZE = ResumeEndpoint.HISTORY_SIZE;

    private static final CloseReason RESTART = new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "bench");
    private static final CloseReason TRY_AGAIN =
            new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "history unavailable, try again later");

    private static final Set<Session> OPEN = ConcurrentHashMap.newKeySet();
    private static final Map<RoomRecovery.Outcome, LongAdder> OUTCOMES = new EnumMap<>(RoomRecovery.Outcome.class);
    /** Sessions the room service had no recovery for. */
    private static final LongAdder NO_RECOVERY = new LongAdder();
    /** Broadcasts Switchboard replayed to resuming sessions. */
    private static final LongAdder REPLAYED = new LongAdder();
    /** Snapshots sent, and the broadcasts and characters they held. */
    private static final LongAdder SNAPSHOTS = new LongAdder();

    private static final LongAdder SNAPSHOT_MESSAGES = new LongAdder();
    private static final LongAdder SNAPSHOT_CHARS = new LongAdder();
    /** Snapshots that could not be made (the history could not be read): the session is closed with 1013. */
    private static final LongAdder SNAPSHOT_FAILED = new LongAdder();

    private static volatile Broadcaster broadcaster;

    static {
        for (RoomRecovery.Outcome outcome : RoomRecovery.Outcome.values()) {
            OUTCOMES.put(outcome, new LongAdder());
        }
    }

    private Resume() {}

    /** Counts how the session's join went and sends a snapshot unless it resumed. */
    static void opened(Session session, String room) {
        OPEN.add(session);
        RoomService rooms = FanOut.roomService();
        Optional<RoomRecovery> recovery = rooms.recovery(session, room);
        if (recovery.isEmpty()) {
            NO_RECOVERY.increment();
            snapshot(rooms, session, room, null);
            return;
        }
        RoomRecovery found = recovery.get();
        OUTCOMES.get(found.outcome()).increment();
        if (found.recovered()) {
            REPLAYED.add(found.replayed());
        } else if (found.outcome() == RoomRecovery.Outcome.UNAVAILABLE) {
            // The history cannot be read either (a node whose backplane is not connected yet): come back later,
            // rather than take a snapshot that cannot be made, or lose what history still holds.
            tryAgainLater(session);
        } else {
            // Broadcasts after the position it joined at reach it live: the snapshot stops there.
            snapshot(rooms, session, room, found.latest());
        }
    }

    static void closed(Session session) {
        OPEN.remove(session);
    }

    /**
     * Sends the room's last {@value #SNAPSHOT_SIZE} broadcasts up to {@code latest} as one message: {@code S}, then
     * each broadcast's text on a line of its own. Nothing when there is nothing to send.
     */
    private static void snapshot(RoomService rooms, Session session, String room, RoomPosition latest) {
        // Only the last SNAPSHOT_SIZE up to the position it joined at are read, however many the room keeps.
        RoomPosition since =
                latest == null ? null : new RoomPosition(latest.epoch(), Math.max(0, latest.offset() - SNAPSHOT_SIZE));
        rooms.history(room, since).whenComplete((recorded, failure) -> {
            if (failure != null) {
                // As an application would: the client is to come back later, rather than wait for nothing.
                SNAPSHOT_FAILED.increment();
                tryAgainLater(session);
                return;
            }
            List<RecordedMessages.Message> kept = recorded.messages().stream()
                    .filter(m -> m.text() != null)
                    .filter(m -> latest == null
                            || (m.position().epoch().equals(latest.epoch())
                                    && m.position().offset() <= latest.offset()))
                    .toList();
            if (kept.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder("S");
            for (RecordedMessages.Message message :
                    kept.subList(Math.max(0, kept.size() - SNAPSHOT_SIZE), kept.size())) {
                text.append('\n').append(message.text());
            }
            SNAPSHOTS.increment();
            SNAPSHOT_MESSAGES.add(Math.min(kept.size(), SNAPSHOT_SIZE));
            SNAPSHOT_CHARS.add(text.length());
            broadcaster().toSession(session, text.toString());
        });
    }

    private static void tryAgainLater(Session session) {
        try {
            session.close(TRY_AGAIN);
        } catch (IOException | RuntimeException e) {
            // closed meanwhile
        }
    }

    /** Closes every open session of {@link ResumeEndpoint} with 1012; answers how many. */
    static String dropAll() {
        int dropped = 0;
        for (Session session : List.copyOf(OPEN)) {
            try {
                session.close(RESTART);
                dropped++;
            } catch (IOException | RuntimeException e) {
                // closed meanwhile
            }
        }
        return "dropped " + dropped;
    }

    /**
     * {@code resume open=<n> <outcome>=<n>... none=<n> replayed=<n> snapshots=<n> snapshotMessages=<n>
     * snapshotChars=<n> snapshotFailed=<n>}, all counts since the server started.
     */
    static String counters() {
        StringBuilder out = new StringBuilder("resume open=").append(OPEN.size());
        OUTCOMES.forEach(
                (outcome, count) -> out.append(' ').append(outcome).append('=').append(count.sum()));
        out.append(" none=").append(NO_RECOVERY.sum());
        out.append(" replayed=").append(REPLAYED.sum());
        out.append(" snapshots=").append(SNAPSHOTS.sum());
        out.append(" snapshotMessages=").append(SNAPSHOT_MESSAGES.sum());
        out.append(" snapshotChars=").append(SNAPSHOT_CHARS.sum());
        out.append(" snapshotFailed=").append(SNAPSHOT_FAILED.sum());
        return out.toString();
    }

    private static Broadcaster broadcaster() {
        Broadcaster found = broadcaster;
        if (found == null) {
            found = CDI.current().select(Broadcaster.class).get();
            broadcaster = found;
        }
        return found;
    }
}
