package io.switchboard;

/**
 * CDI event fired when a session's send queue discards a message unsent because the queue was full
 * ({@link OverflowPolicy#DROP_OLDEST} or {@link OverflowPolicy#DROP_NEWEST}). Fired on the thread that queued
 * the message that did not fit; observers must be quick.
 *
 * @param session the session that will not receive the message
 * @param policy  the policy that dropped it
 */
public record MessageDropped(SessionInfo session, OverflowPolicy policy) {}
