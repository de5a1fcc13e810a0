package io.switchboard.impl.extension.badqueue;

import io.switchboard.SendQueue;
import jakarta.websocket.server.ServerEndpoint;

/** A send queue bound that is not a size. */
@ServerEndpoint("/bad-queue")
@SendQueue(maxBytes = "lots")
public class BadQueueEndpoint {
}
