package io.switchboard.impl.room;

import io.switchboard.impl.session.TrackedSession;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The deployment's rooms by name. A room's member set and each member's set of room names change together, inside
 * the map's atomic operation for that room name (and the room's monitor), so they never disagree; a room is removed
 * in the same step as its last member.
 */
@ApplicationScoped
class RoomTable {

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();

    /** What a removal did: whether the session was a member, and the room if it emptied. */
    record Removal(boolean left, Room emptied) {}

    /** The room with this name, or {@code null} if it has no members. */
    Room get(String name) {
        return rooms.get(name);
    }

    /** Whether the room has members. */
    boolean has(String name) {
        return rooms.containsKey(name);
    }

    /** The rooms now; a live view. */
    Collection<Room> all() {
        return rooms.values();
    }

    /** The names of the rooms now; a live view. */
    Set<String> names() {
        return rooms.keySet();
    }

    /**
     * Adds an open session to a room, creating the room if needed.
     *
     * @param member     the session
     * @param name       the room
     * @param catchingUp whether recorded broadcasts are to be held for it until it caught up
     * @return whether it was not a member yet and is open
     */
    boolean add(TrackedSession member, String name, boolean catchingUp) {
        boolean[] joined = new boolean[1];
        rooms.compute(name, (key, room) -> {
            Room target = room == null ? new Room(key) : room;
            synchronized (target) {
                if (member.isOpen() && target.members().add(member)) {
                    member.roomNames().add(key);
                    joined[0] = true;
                    if (member.history().enabled()) {
                        target.historyMember(1, member.history());
                    }
                    if (catchingUp) {
                        target.startCatchingUp(member);
                    }
                }
            }
            return target.members().isEmpty() ? null : target;
        });
        return joined[0];
    }

    /**
     * Removes a session from a room; the room goes with its last member.
     *
     * @param member the session
     * @param name   the room
     * @return what happened
     */
    Removal remove(TrackedSession member, String name) {
        Room[] emptied = new Room[1];
        boolean[] left = new boolean[1];
        rooms.computeIfPresent(name, (key, room) -> {
            if (room.members().remove(member)) {
                member.roomNames().remove(key);
                left[0] = true;
                if (member.history().enabled()) {
                    room.historyMember(-1, member.history());
                }
            }
            if (room.members().isEmpty()) {
                emptied[0] = room;
                return null;
            }
            return room;
        });
        return new Removal(left[0], emptied[0]);
    }

    @PreDestroy
    void destroyRoomBeans() {
        rooms.values().forEach(room -> room.beans().destroyAll());
        rooms.clear();
    }
}
