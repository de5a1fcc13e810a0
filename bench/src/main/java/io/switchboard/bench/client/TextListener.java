package io.switchboard.bench.client;

import io.netty.buffer.ByteBuf;

/** What a client connection does with what the server sends; called on the channel's event loop. */
public interface TextListener {

    /**
     * A complete text message arrived.
     *
     * @param content its UTF-8 bytes, valid only during the call
     */
    void onText(ByteBuf content);

    /**
     * The connection ended.
     *
     * @param code the close code the server sent, or 1006 when the connection dropped without one
     */
    default void onClosed(int code) {}
}
