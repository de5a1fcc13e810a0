package io.switchboard.spi;

import io.switchboard.RoomPosition;
import java.util.Objects;

/**
 * A broadcast on its way from the node that sent it to the other nodes of a cluster: whom it is for, and the message
 * encoded once (UTF-8 text or binary bytes), as every node delivers it to its own sessions. A backplane carries it
 * unchanged and hands it to every other node exactly once, in the order the sending node published.
 *
 * @param origin   the id of the node that sent it; a node ignores its own broadcasts, which it delivered locally,
 *                 except those with a position, which every node delivers as the backplane hands them over
 * @param audience what {@code target} names
 * @param target   the room's name, the endpoint id or the principal's name
 * @param text     whether {@code payload} is a text message (UTF-8) rather than a binary one
 * @param payload  the message's bytes; shared, never modified after construction
 * @param position the broadcast's position in its room's shared history ({@link SharedHistory}), or {@code null}
 */
public record ClusterBroadcast(
        String origin, Audience audience, String target, boolean text, byte[] payload, RoomPosition position) {

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
     * @param position the position, or {@code null}
     */
    public ClusterBroadcast {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * A broadcast without a position.
     *
     * @param origin   the sending node's id
     * @param audience what {@code target} names
     * @param target   the room, endpoint id or principal
     * @param text     whether the payload is text
     * @param payload  the bytes
     */
    public ClusterBroadcast(String origin, Audience audience, String target, boolean text, byte[] payload) {
        this(origin, audience, target, text, payload, null);
    }

    /**
     * This broadcast with a position.
     *
     * @param position the position
     * @return the broadcast
     */
    public ClusterBroadcast at(RoomPosition position) {
        return new ClusterBroadcast(origin, audience, target, text, payload, position);
    }
}
