package io.switchboard.impl.room;

import io.switchboard.RoomPosition;
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

    // With a shared history, guarded by this: the latest position delivered here, and the recorded broadcasts that
    // came while a member read what it missed from the backplane.
    private RoomPosition latest;
    private Map<TrackedSession, List<Missed>> catchingUp;

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
    void historyMember(int change) {
        historyMembers += change;
    }

    /** Whether a member here keeps history: then the room's broadcasts are recorded. */
    boolean recorded() {
        return historyMembers > 0;
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

    /** Whether any member is catching up; caller holds this room's lock. */
    boolean anyCatchingUp() {
        return catchingUp != null && !catchingUp.isEmpty();
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
