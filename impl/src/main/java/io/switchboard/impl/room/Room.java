package io.switchboard.impl.room;

import io.switchboard.impl.session.TrackedSession;
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

    @Override
    public String toString() {
        return "room '" + name + "'";
    }
}
