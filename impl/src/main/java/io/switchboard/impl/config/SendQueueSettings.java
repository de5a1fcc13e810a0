package io.switchboard.impl.config;

import io.switchboard.OverflowPolicy;
import io.switchboard.SendQueue;
import java.time.Duration;

/**
 * The bounds of each session's send queue for one endpoint ({@link io.switchboard.SendQueue}).
 *
 * @param capacity    the most messages waiting, the one being written included
 * @param maxBytes    the most bytes waiting, the one being written included; a message larger than this still
 *                    goes when the queue is empty
 * @param overflow    what happens to a message that does not fit
 * @param sendTimeout how long one write may take before the session is closed as a slow consumer
 * @param gatherWrites whether several waiting messages may go to the connection in one write, where the session's
 *                    writer can (a container fast path): fewer system calls, the same bytes on the wire
 */
public record SendQueueSettings(
        int capacity, long maxBytes, OverflowPolicy overflow, Duration sendTimeout, boolean gatherWrites) {

    /** 1024 messages, 1 MiB, close on overflow, 10 s per write, gathered writes. */
    public static final SendQueueSettings DEFAULT =
            new SendQueueSettings(1024, 1 << 20, OverflowPolicy.CLOSE, Duration.ofSeconds(10), true);

    /**
     * Bounds with gathered writes on (the default).
     *
     * @param capacity    the most messages waiting
     * @param maxBytes    the most bytes waiting
     * @param overflow    what happens to a message that does not fit
     * @param sendTimeout how long one write may take
     */
    public SendQueueSettings(int capacity, long maxBytes, OverflowPolicy overflow, Duration sendTimeout) {
        this(capacity, maxBytes, overflow, sendTimeout, true);
    }

    /**
     * An endpoint's send queue bounds. For each the endpoint's key wins, then the annotation, then the deployment
     * default key, then {@link #DEFAULT}: {@code send-queue.capacity} (messages, at least 1),
     * {@code send-queue.max-bytes} (a size, at least 1), {@code send-queue.overflow} ({@code drop-oldest},
     * {@code drop-newest} or {@code close}) and {@code send-queue.send-timeout} (a positive duration). {@code send-queue.gather-writes}
     * ({@code true} or {@code false}, no annotation member) comes from configuration alone.
     *
     * @param endpoint the endpoint's settings
     * @param queue    the endpoint's annotation, or {@code null}
     * @return the settings
     * @throws IllegalArgumentException if a value does not parse or is out of range
     */
    public static SendQueueSettings read(Settings.Endpoint endpoint, SendQueue queue) {
        long capacity = endpoint.key("send-queue.capacity")
                .as(Parsers.number(1, Integer.MAX_VALUE))
                .or(queue == null ? null : new Annotated("@SendQueue(capacity)", String.valueOf(queue.capacity())))
                .orDefault((long) DEFAULT.capacity());
        long maxBytes = endpoint.key("send-queue.max-bytes")
                .as(Parsers.SIZE)
                .or(queue == null ? null : new Annotated("@SendQueue(maxBytes)", queue.maxBytes()))
                .orDefault(DEFAULT.maxBytes());
        if (maxBytes < 1) {
            throw endpoint.bad("the send queue's max-bytes must be at least one byte");
        }
        OverflowPolicy overflow = endpoint.key("send-queue.overflow")
                .as(Parsers.oneOf(OverflowPolicy.class, "one of drop-oldest, drop-newest, close"))
                .or(
                        queue == null
                                ? null
                                : new Annotated(
                                        "@SendQueue(overflow)", queue.overflow().name()))
                .orDefault(DEFAULT.overflow());
        Duration sendTimeout = endpoint.key("send-queue.send-timeout")
                .as(Parsers.DURATION)
                .or(queue == null ? null : new Annotated("@SendQueue(sendTimeout)", queue.sendTimeout()))
                .orDefault(DEFAULT.sendTimeout());
        if (sendTimeout.isZero()) {
            throw endpoint.bad("the send timeout must be positive");
        }
        boolean gatherWrites =
                endpoint.key("send-queue.gather-writes").as(Parsers.BOOLEAN).orDefault(DEFAULT.gatherWrites());
        return new SendQueueSettings((int) capacity, maxBytes, overflow, sendTimeout, gatherWrites);
    }
}
