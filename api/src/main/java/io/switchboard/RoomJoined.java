package io.switchboard;

/**
 * CDI event fired when a session has joined a room (the room exists from its first member on). Observers run on
 * the joining thread; one that throws is logged and affects nothing else.
 *
 * @param session the session
 * @param room    the room's name
 */
public record RoomJoined(SessionInfo session, String room) {}
