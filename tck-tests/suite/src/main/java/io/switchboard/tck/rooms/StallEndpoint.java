package io.switchboard.tck.rooms;

import io.switchboard.Heartbeat;
import io.switchboard.OverflowPolicy;
import io.switchboard.Room;
import io.switchboard.SendQueue;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A write that takes over a second closes the session; the queue itself is large.
 * Receives what {@link RoomProbe} sends its room; declares no callbacks.
 */
@ServerEndpoint("/stall/{room}")
@Room("room")
// A peer that stops reading cannot answer pings either: a long heartbeat keeps the send queue's verdict first.
@Heartbeat(interval = "10s", timeout = "10s")
@SendQueue(capacity = 100_000, maxBytes = "512MiB", overflow = OverflowPolicy.CLOSE, sendTimeout = "1s")
public class StallEndpoint {}
