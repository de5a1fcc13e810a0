package io.switchboard;

/**
 * What became of a session's join of a room with history ({@link RoomHistory}): whether it asked to resume from a
 * position, whether every later broadcast was replayed to it, and the room's position at the moment it joined. Read
 * it with {@link RoomService#recovery} in {@code @OnOpen} (for the room of {@link Room}) to decide whether the client
 * needs a fresh state:
 *
 * <pre>{@code
 * @OnOpen
 * public void open(Session session, @PathParam("room") String room) {
 *     RoomRecovery recovery = rooms.recovery(session, room).orElseThrow();
 *     if (!recovery.recovered()) {
 *         broadcaster.toSession(session, snapshot(room, recovery.latest()));
 *     }
 * }
 * }</pre>
 *
 * @param room     the room
 * @param outcome  what happened
 * @param replayed how many broadcasts were replayed to the session, ahead of every live one
 * @param latest   the room's position when the session joined: every later broadcast reaches the session live; {@code
 *                 null} for {@link Outcome#NO_HISTORY} and {@link Outcome#UNAVAILABLE}
 */
public record RoomRecovery(String room, Outcome outcome, int replayed, RoomPosition latest) {

    /** What happened to a request to resume. */
    public enum Outcome {
        /** The session named no position: nothing was replayed. */
        NOT_ASKED,
        /** Every broadcast after the named position was replayed (possibly none). */
        RECOVERED,
        /** The position named was not a position ({@code <epoch>:<offset>}). */
        UNREADABLE,
        /** The position belongs to another epoch: history was lost since, or it is another room's. */
        OTHER_EPOCH,
        /** History no longer holds every broadcast after the position (size, bytes or age). */
        TOO_OLD,
        /** The position lies beyond the room's latest broadcast. */
        AHEAD,
        /** The broadcasts to replay do not fit the session's send queue. */
        TOO_MANY,
        /** The room keeps no history (its endpoint has no {@link RoomHistory}). */
        NO_HISTORY,
        /** The backplane that keeps the room's history could not be reached in time. */
        UNAVAILABLE
    }

    /**
     * Whether the session missed nothing: it asked to resume and got every later broadcast.
     *
     * @return whether the outcome is {@link Outcome#RECOVERED}
     */
    public boolean recovered() {
        return outcome == Outcome.RECOVERED;
    }
}
