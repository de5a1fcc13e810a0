package io.switchboard.client;

import java.nio.ByteBuffer;

/**
 * Callbacks for one client, for code that does not use CDI events (or in plain Java SE). Every method runs on the
 * client's thread, in order; one that throws is logged and changes nothing else. Each has an empty default.
 */
public interface ClientListener {

    /**
     * The client connected; runs before any buffered message is sent.
     *
     * @param connected sends that go ahead of the buffered messages
     */
    default void onConnected(ClientConnected connected) {}

    /**
     * A text message arrived.
     *
     * @param text the message
     */
    default void onText(String text) {}

    /**
     * A binary message arrived.
     *
     * @param bytes the message, read-only
     */
    default void onBinary(ByteBuffer bytes) {}

    /**
     * The client's state changed.
     *
     * @param change from what to what, and why
     */
    default void onStateChanged(ClientStateChanged change) {}
}
