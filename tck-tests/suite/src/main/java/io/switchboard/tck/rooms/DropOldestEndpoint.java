package io.switchboard.tck.rooms;

import io.switchboard.Heartbeat;
import io.switchboard.OverflowPolicy;
import io.switchboard.Room;
import io.switchboard.SendQueue;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A full queue drops its oldest messages.
 * Receives what {@link RoomProbe} sends its room; declares no callbacks.
 */
@ServerEndpoint("/drop-oldest/{room}")
@Room("room")
// A peer that stops reading cannot answer pings either: a long heartbeat keeps the send queue's verdict first.
@Heartbeat(interval = "10s", timeout = "10s")
@SendQueue(capacity = 8, overflow = OverflowPolicy.DROP_OLDEST, sendTimeout = "60s")
public class DropOldestEndpoint {}
