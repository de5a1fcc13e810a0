package io.switchboard;

/**
 * CDI event fired when a session has left a room, on its own or because it closed. A room whose last member
 * left no longer exists. Observers run on the leaving thread; one that throws is logged and affects nothing
 * else.
 *
 * @param session the session
 * @param room    the room's name
 */
public record RoomLeft(SessionInfo session, String room) {}
