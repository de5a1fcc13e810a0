package io.switchboard.client;

/** What {@link ReconnectingSocket#sendText} and {@link ReconnectingSocket#sendBinary} do while disconnected. */
public enum BufferPolicy {
    /** Keep messages up to the buffer's bounds and send them, in order, once connected; fail beyond the bounds. */
    BUFFER,
    /** Fail every send made while not connected; only messages sent while open are queued, within the bounds. */
    FAIL_FAST
}
