package io.switchboard;

/**
 * What became of one message sent through Switchboard's per-session send queues, once every addressed session
 * on this node has either received it or will never receive it. {@code recipients == delivered + dropped + failed}.
 *
 * <p>With a backplane ({@code switchboard.backplane}), a room, endpoint or principal broadcast also goes to the
 * other nodes, which deliver it to their own sessions: the counts here are this node's, and {@link #published()}
 * says whether the backplane took the message for the others.
 *
 * @param recipients how many sessions on this node the message was addressed to
 * @param queued     how many of them accepted it into their send queue
 * @param delivered  how many the container reported written
 * @param dropped    how many discarded it unsent: a full queue (by the endpoint's {@link OverflowPolicy}), or a
 *                   session that closed before its turn came
 * @param failed     how many could not be sent: the container failed the write, or the message could not be
 *                   encoded for that session's endpoint
 * @param published  whether the backplane accepted the message for the other nodes; {@code false} on a single
 *                   node, for sends that stay on this node ({@link Broadcaster#toSession}, {@link
 *                   Broadcaster#toMatching}), and for a broadcast dropped during a backplane outage or over its
 *                   publish rate
 * @param position   the broadcast's position in its room's history ({@link RoomHistory}); {@code null} for a room
 *                   without history and for every send that is not to a room
 */
public record DeliveryReport(
        int recipients, int queued, int delivered, int dropped, int failed, boolean published, RoomPosition position) {

    /** The report of a message addressed to nobody. */
    public static final DeliveryReport EMPTY = new DeliveryReport(0, 0, 0, 0, 0, false, null);

    /**
     * A report without a position.
     *
     * @param recipients how many sessions on this node it was addressed to
     * @param queued     how many accepted it into their send queue
     * @param delivered  how many the container reported written
     * @param dropped    how many discarded it unsent
     * @param failed     how many could not be sent
     * @param published  whether the backplane accepted it for the other nodes
     */
    public DeliveryReport(int recipients, int queued, int delivered, int dropped, int failed, boolean published) {
        this(recipients, queued, delivered, dropped, failed, published, null);
    }

    /**
     * A report of a message that stayed on this node.
     *
     * @param recipients how many sessions it was addressed to
     * @param queued     how many accepted it into their send queue
     * @param delivered  how many the container reported written
     * @param dropped    how many discarded it unsent
     * @param failed     how many could not be sent
     */
    public DeliveryReport(int recipients, int queued, int delivered, int dropped, int failed) {
        this(recipients, queued, delivered, dropped, failed, false, null);
    }

    /** Whether every recipient on this node received the message. */
    public boolean allDelivered() {
        return delivered == recipients;
    }

    /**
     * This report with {@link #published()} set.
     *
     * @param published whether the backplane accepted the message
     * @return the report
     */
    public DeliveryReport withPublished(boolean published) {
        return new DeliveryReport(recipients, queued, delivered, dropped, failed, published, position);
    }

    /**
     * This report with {@link #position()} set.
     *
     * @param position the broadcast's position in its room's history
     * @return the report
     */
    public DeliveryReport withPosition(RoomPosition position) {
        return new DeliveryReport(recipients, queued, delivered, dropped, failed, published, position);
    }
}
