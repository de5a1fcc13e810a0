package io.switchboard.impl.room;

import io.switchboard.RoomRecovery;

/**
 * What a join did.
 *
 * @param joined   whether the session was added (it was not a member yet, and is open)
 * @param recovery what was replayed to it, or {@code null} where the room keeps no history and nothing was asked
 */
record Joined(boolean joined, RoomRecovery recovery) {}
