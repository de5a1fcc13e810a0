/**
 * Room history: each room's recent broadcasts with their positions, bounded by count, bytes and age, read to replay
 * what a reconnecting client missed. Pure logic with the time passed in ({@link io.switchboard.impl.history.RoomLog});
 * the room registry holds a log's lock while it appends and queues, or joins and replays, so that a replay and the
 * live broadcasts never overlap.
 */
package io.switchboard.impl.history;
