package io.switchboard;

/**
 * What became of one message sent through Switchboard's per-session send queues, once every addressed session
 * has either received it or will never receive it. {@code recipients == delivered + dropped + failed}.
 *
 * @param recipients how many sessions the message was addressed to
 * @param queued     how many of them accepted it into their send queue
 * @param delivered  how many the container reported written
 * @param dropped    how many discarded it unsent: a full queue (by the endpoint's {@link OverflowPolicy}), or a
 *                   session that closed before its turn came
 * @param failed     how many could not be sent: the container failed the write, or the message could not be
 *                   encoded for that session's endpoint
 */
public record DeliveryReport(int recipients, int queued, int delivered, int dropped, int failed) {

    /** The report of a message addressed to nobody. */
    public static final DeliveryReport EMPTY = new DeliveryReport(0, 0, 0, 0, 0);

    /** Whether every recipient received the message. */
    public boolean allDelivered() {
        return delivered == recipients;
    }
}
