package io.switchboard.client;

import java.nio.ByteBuffer;

/**
 * The hook that runs each time a client has connected, before any buffered message flows: the place to subscribe
 * again. Given to {@link ClientListener#onConnected} and fired as a CDI event qualified with the client's
 * {@link WebSocketClient} name, on the client's thread. What is sent through it goes first, in the order sent,
 * ahead of every message buffered while disconnected.
 */
public interface ClientConnected {

    /** The client's name. */
    String client();

    /** How many times this client has connected, 1 for the first. */
    long connections();

    /** The subprotocol the server chose, or an empty string. */
    String subprotocol();

    /**
     * Sends a text message on this connection, ahead of the buffered ones.
     *
     * @param text the message
     */
    void sendText(String text);

    /**
     * Sends a binary message on this connection, ahead of the buffered ones.
     *
     * @param bytes the message; its remaining bytes are sent
     */
    void sendBinary(ByteBuffer bytes);
}
