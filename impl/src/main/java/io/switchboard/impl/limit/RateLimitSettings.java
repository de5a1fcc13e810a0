package io.switchboard.impl.limit;

import io.switchboard.RateLimit;

/**
 * One {@link RateLimit} as configured: message and byte rates for one scope.
 *
 * @param scope    who shares the buckets
 * @param messages the message rate, or {@code null} for none
 * @param bytes    the byte rate, or {@code null} for none
 * @param policy   what happens to a message over the limit
 */
public record RateLimitSettings(RateLimit.Scope scope, Bucket.Rate messages, Bucket.Rate bytes,
                                RateLimit.Policy policy) {

    /**
     * Builds the settings from plain values.
     *
     * @param scope        who shares the buckets
     * @param messages     messages per period, 0 for none
     * @param burst        most messages at once, 0 for {@code messages}
     * @param bytes        bytes per period, 0 for none
     * @param burstBytes   most bytes at once, 0 for {@code bytes}
     * @param periodNanos  the period
     * @param policy       what happens to a message over the limit
     * @return the settings, or {@code null} when neither rate is set
     */
    public static RateLimitSettings of(RateLimit.Scope scope, long messages, long burst, long bytes, long burstBytes,
                                       long periodNanos, RateLimit.Policy policy) {
        if (messages <= 0 && bytes <= 0) {
            return null;
        }
        return new RateLimitSettings(scope,
                messages <= 0 ? null : new Bucket.Rate(messages, periodNanos, burst > 0 ? burst : messages),
                bytes <= 0 ? null : new Bucket.Rate(bytes, periodNanos, burstBytes > 0 ? burstBytes : bytes),
                policy);
    }

    /** A fresh pair of buckets at these rates. */
    Buckets newBuckets(long now) {
        return new Buckets(messages == null ? null : new Bucket(messages, now),
                bytes == null ? null : new Bucket(bytes, now));
    }

    /** The message and byte buckets of one holder (a session, a principal, an address). */
    record Buckets(Bucket messages, Bucket bytes) {

        /**
         * Takes one message (if {@code newMessage}) and its bytes.
         *
         * @return whether both buckets had room
         */
        boolean admit(boolean newMessage, long size, long now) {
            if (newMessage && messages != null && !messages.tryTake(1, now)) {
                return false;
            }
            return bytes == null || size <= 0 || bytes.tryTake(size, now);
        }

        boolean isFull(long now) {
            return (messages == null || messages.isFull(now)) && (bytes == null || bytes.isFull(now));
        }
    }
}
