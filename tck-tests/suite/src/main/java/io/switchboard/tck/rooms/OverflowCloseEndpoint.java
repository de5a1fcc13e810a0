package io.switchboard.tck.rooms;

import io.switchboard.Heartbeat;
import io.switchboard.OverflowPolicy;
import io.switchboard.Room;
import io.switchboard.SendQueue;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A session whose queue overflows is closed.
 * Receives what {@link RoomProbe} sends its room; declares no callbacks.
 */
@ServerEndpoint("/overflow-close/{room}")
@Room("room")
// A peer that stops reading cannot answer pings either: a long heartbeat keeps the send queue's verdict first.
@Heartbeat(interval = "10s", timeout = "10s")
@SendQueue(capacity = 16, overflow = OverflowPolicy.CLOSE, sendTimeout = "60s")
public class OverflowCloseEndpoint {}
