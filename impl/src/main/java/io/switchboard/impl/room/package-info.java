/**
 * Rooms: {@link io.switchboard.impl.room.RoomRegistry} (the {@link io.switchboard.RoomService} bean) keeps each
 * room's members and each session's room names consistent under one per-room lock, and
 * {@link io.switchboard.impl.room.RoomContext} gives {@link io.switchboard.RoomScoped} beans one instance per room.
 */
package io.switchboard.impl.room;
