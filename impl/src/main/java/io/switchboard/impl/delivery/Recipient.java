package io.switchboard.impl.delivery;

/** A session as the delivery sees it: where its messages wait, and how its endpoint encodes objects. */
public interface Recipient {

    /** The session's send queue. */
    Outbox outbox();

    /** The encoders of the session's endpoint. */
    MessageEncoder encoder();
}
