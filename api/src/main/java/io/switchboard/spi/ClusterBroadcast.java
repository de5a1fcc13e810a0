package io.switchboard.spi;

import java.util.Objects;

/**
 * A broadcast on its way from the node that sent it to the other nodes of a cluster: whom it is for, and the message
 * encoded once (UTF-8 text or binary bytes), as every node delivers it to its own sessions. A backplane carries it
 * unchanged and hands it to every other node exactly once, in the order the sending node published.
 *
 * @param origin   the id of the node that sent it; a node ignores its own broadcasts, which it delivered locally
 * @param audience what {@code target} names
 * @param target   the room's name, the endpoint id or the principal's name
 * @param text     whether {@code payload} is a text message (UTF-8) rather than a binary one
 * @param payload  the message's bytes; shared, never modified after construction
 */
public record ClusterBroadcast(String origin, Audience audience, String target, boolean text, byte[] payload) {

    /** Whom a cluster broadcast is for on every node. */
    public enum Audience {
        /** The members of a room. */
        ROOM,
        /** The sessions of an endpoint. */
        ENDPOINT,
        /** The sessions of a principal, on every endpoint. */
        PRINCIPAL
    }

    /**
     * Checks the parts.
     *
     * @param origin   the sending node's id
     * @param audience what {@code target} names
     * @param target   the room, endpoint id or principal
     * @param text     whether the payload is text
     * @param payload  the bytes
     */
    public ClusterBroadcast {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(payload, "payload");
    }
}
