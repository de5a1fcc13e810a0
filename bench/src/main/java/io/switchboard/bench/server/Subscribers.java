package io.switchboard.bench.server;

import jakarta.websocket.Session;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's own set of subscriber sessions per room, which the plain fan-out modes loop over: what an
 * application without Switchboard keeps itself.
 */
public final class Subscribers {

    private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();

    private Subscribers() {}

    static void add(String room, Session session) {
        ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
    }

    static void remove(String room, Session session) {
        Set<Session> sessions = ROOMS.get(room);
        if (sessions != null) {
            sessions.remove(session);
        }
    }

    /** The sessions of a room now (a live view; empty when there are none). */
    public static Collection<Session> of(String room) {
        Set<Session> sessions = ROOMS.get(room);
        return sessions == null ? List.of() : sessions;
    }
}
