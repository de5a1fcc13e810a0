package io.switchboard.tck.rooms;

import io.switchboard.OverflowPolicy;
import io.switchboard.Room;
import io.switchboard.SendQueue;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Queues large enough that nothing overflows under stress.
 * Receives what {@link RoomProbe} sends its room; declares no callbacks.
 */
@ServerEndpoint("/stress/{room}")
@Room("room")
@SendQueue(capacity = 1_000_000, maxBytes = "1GiB", overflow = OverflowPolicy.CLOSE, sendTimeout = "60s")
public class StressEndpoint {}
