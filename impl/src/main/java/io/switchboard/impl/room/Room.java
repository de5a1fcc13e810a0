package io.switchboard.impl.room;

import io.switchboard.RoomPosition;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.session.TrackedSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One room while it has members: who is in it, and its {@code @RoomScoped} bean instances. A room that empties is
 * gone for good; a later join makes a new one with new instances.
 */
final class Room {

    private final String name;
    private final Set<TrackedSession> members = ConcurrentHashMap.newKeySet();
    private final RoomBeans beans = new RoomBeans(this);

    /** Members whose endpoint keeps history: changed in the room table's atomic operation for this room. */
    private volatile int historyMembers;
    /** The history of the latest such member to join. */
    private volatile HistorySettings history = HistorySettings.NONE;

    // With a shared history, guarded by this: the latest position delivered here, and the recorded broadcasts that
    // came while a member read what it missed from the backplane.
    private RoomPosition latest;
    private Map<TrackedSession, List<Missed>> catchingUp;
    /** For members that caught up: the last position replayed, which the backplane may still deliver again. */
    private Map<TrackedSession, RoomPosition> replayedUpTo;

    /** A recorded broadcast held for a member that is catching up. */
    record Missed(RoomPosition position, Object message) {}

    Room(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The live member set: iterating it is weakly consistent, safe while members come and go. */
    Set<TrackedSession> members() {
        return members;
    }

    RoomBeans beans() {
        return beans;
    }

    /** Counts a member in or out whose endpoint keeps history; called by the room table only. */
    void historyMember(int change, HistorySettings settings) {
        historyMembers += change;
        if (change > 0) {
            history = settings;
        }
    }

    /** Whether a member here keeps history: then the room's broadcasts are recorded. */
    boolean recorded() {
        return historyMembers > 0;
    }

    /** The history this room's members keep here, {@link HistorySettings#NONE} if none does. */
    HistorySettings history() {
        return historyMembers > 0 ? history : HistorySettings.NONE;
    }

    /** The latest position delivered here, or {@code null}; caller holds this room's lock. */
    RoomPosition latest() {
        return latest;
    }

    /** Notes the position of a recorded broadcast delivered here; caller holds this room's lock. */
    void delivered(RoomPosition position) {
        latest = position;
    }

    /** Holds the recorded broadcasts for a member until it caught up; caller holds this room's lock. */
    void startCatchingUp(TrackedSession member) {
        if (catchingUp == null) {
            catchingUp = new HashMap<>(4);
        }
        catchingUp.put(member, new ArrayList<>());
    }

    /**
     * Whether a member is catching up, and if so holds a broadcast for it; caller holds this room's lock.
     *
     * @return whether it was held
     */
    boolean holdFor(TrackedSession member, RoomPosition position, Object message) {
        List<Missed> held = catchingUp == null ? null : catchingUp.get(member);
        if (held == null) {
            return false;
        }
        held.add(new Missed(position, message));
        return true;
    }

    /** Whether any member is catching up or has a replayed position left; caller holds this room's lock. */
    boolean anyCatchingUp() {
        return (catchingUp != null && !catchingUp.isEmpty()) || (replayedUpTo != null && !replayedUpTo.isEmpty());
    }

    /**
     * Notes the last position replayed to a member: a broadcast read from the backplane's history may still arrive
     * from its subscription after the catch-up, and is then not delivered again. Caller holds this room's lock.
     */
    void replayedUpTo(TrackedSession member, RoomPosition last) {
        if (replayedUpTo == null) {
            replayedUpTo = new HashMap<>(4);
        }
        replayedUpTo.put(member, last);
    }

    /**
     * Whether a member already got a recorded broadcast through its replay; once one beyond it arrives, the note
     * goes. Caller holds this room's lock.
     */
    boolean replayedAlready(TrackedSession member, RoomPosition position) {
        RoomPosition last = replayedUpTo == null ? null : replayedUpTo.get(member);
        if (last == null) {
            return false;
        }
        if (last.epoch().equals(position.epoch()) && position.offset() <= last.offset()) {
            return true;
        }
        replayedUpTo.remove(member);
        return false;
    }

    /**
     * Ends a member's catching up; caller holds this room's lock.
     *
     * @return what was held for it, oldest first; {@code null} if it was not catching up
     */
    List<Missed> stopCatchingUp(TrackedSession member) {
        return catchingUp == null ? null : catchingUp.remove(member);
    }

    @Override
    public String toString() {
        return "room '" + name + "'";
    }
}
