package io.switchboard.impl.config;

import io.switchboard.OverflowPolicy;

import java.time.Duration;

/**
 * The bounds of each session's send queue for one endpoint ({@link io.switchboard.SendQueue}).
 *
 * @param capacity    the most messages waiting, the one being written included
 * @param maxBytes    the most bytes waiting, the one being written included; a message larger than this still
 *                    goes when the queue is empty
 * @param overflow    what happens to a message that does not fit
 * @param sendTimeout how long one write may take before the session is closed as a slow consumer
 */
public record SendQueueSettings(int capacity, long maxBytes, OverflowPolicy overflow, Duration sendTimeout) {

    /** 1024 messages, 1 MiB, close on overflow, 10 s per write. */
    public static final SendQueueSettings DEFAULT =
            new SendQueueSettings(1024, 1 << 20, OverflowPolicy.CLOSE, Duration.ofSeconds(10));
}
