package io.switchboard.impl.limit;

import io.switchboard.RateLimit;
import io.switchboard.impl.config.Annotated;
import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Settings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@link RateLimit} as configured: message and byte rates for one scope. Read here, not in {@code impl.config},
 * because the settings are made of this package's {@link Bucket.Rate}s (see {@link #read}).
 *
 * @param scope    who shares the buckets
 * @param messages the message rate, or {@code null} for none
 * @param bytes    the byte rate, or {@code null} for none
 * @param policy   what happens to a message over the limit
 */
public record RateLimitSettings(
        RateLimit.Scope scope, Bucket.Rate messages, Bucket.Rate bytes, RateLimit.Policy policy) {

    /**
     * An endpoint's rate limits by scope ({@code session}, {@code principal}, {@code address}): for each, the keys
     * {@code rate-limit.<scope>.messages}, {@code .bytes}, {@code .per}, {@code .burst}, {@code .burst-bytes} and
     * {@code .policy}, endpoint key first, then the endpoint's {@link RateLimit} of that scope, then the default key.
     *
     * @param endpoint    the endpoint's settings
     * @param annotations the endpoint's {@code @RateLimit}s
     * @return the configured limits; scopes without a rate are absent
     * @throws IllegalArgumentException if a value does not parse, or a scope is given twice
     */
    public static Map<RateLimit.Scope, RateLimitSettings> read(Settings.Endpoint endpoint, RateLimit[] annotations) {
        Map<RateLimit.Scope, RateLimit> byScope = new EnumMap<>(RateLimit.Scope.class);
        for (RateLimit annotation : annotations) {
            if (byScope.put(annotation.scope(), annotation) != null) {
                throw new IllegalArgumentException("Switchboard: bad @RateLimit on endpoint " + endpoint.id()
                        + ": two limits with scope " + annotation.scope());
            }
        }
        Map<RateLimit.Scope, RateLimitSettings> limits = new EnumMap<>(RateLimit.Scope.class);
        for (RateLimit.Scope scope : RateLimit.Scope.values()) {
            RateLimit a = byScope.get(scope);
            String prefix = "rate-limit." + scope.name().toLowerCase(Locale.ROOT) + ".";
            String where = "@RateLimit(scope = " + scope + ", ";
            long messages = endpoint.key(prefix + "messages")
                    .as(Parsers.count())
                    .or(a == null ? null : new Annotated(where + "messages)", String.valueOf(a.messages())))
                    .orDefault(0L);
            long burst = endpoint.key(prefix + "burst")
                    .as(Parsers.count())
                    .or(a == null ? null : new Annotated(where + "burst)", String.valueOf(a.burst())))
                    .orDefault(0L);
            long bytes = endpoint.key(prefix + "bytes")
                    .as(Parsers.SIZE)
                    .or(a == null ? null : new Annotated(where + "bytes)", a.bytes()))
                    .orDefault(0L);
            long burstBytes = endpoint.key(prefix + "burst-bytes")
                    .as(Parsers.SIZE)
                    .or(a == null ? null : new Annotated(where + "burstBytes)", a.burstBytes()))
                    .orDefault(0L);
            Duration per = endpoint.key(prefix + "per")
                    .as(Parsers.DURATION)
                    .or(a == null ? null : new Annotated(where + "per)", a.per()))
                    .orDefault(Duration.ofSeconds(1));
            RateLimit.Policy policy = endpoint.key(prefix + "policy")
                    .as(Parsers.oneOf(RateLimit.Policy.class, "drop or close"))
                    .or(
                            a == null
                                    ? null
                                    : new Annotated(
                                            where + "policy)", a.policy().name()))
                    .orDefault(RateLimit.Policy.CLOSE);
            if ((messages > 0 || bytes > 0) && per.isZero()) {
                throw endpoint.bad("the rate limit period (" + prefix + "per) must be positive");
            }
            RateLimitSettings settings = of(scope, messages, burst, bytes, burstBytes, per.toNanos(), policy);
            if (settings != null) {
                limits.put(scope, settings);
            }
        }
        return limits;
    }

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
    public static RateLimitSettings of(
            RateLimit.Scope scope,
            long messages,
            long burst,
            long bytes,
            long burstBytes,
            long periodNanos,
            RateLimit.Policy policy) {
        if (messages <= 0 && bytes <= 0) {
            return null;
        }
        return new RateLimitSettings(
                scope,
                messages <= 0 ? null : new Bucket.Rate(messages, periodNanos, burst > 0 ? burst : messages),
                bytes <= 0 ? null : new Bucket.Rate(bytes, periodNanos, burstBytes > 0 ? burstBytes : bytes),
                policy);
    }

    /** A fresh pair of buckets at these rates. */
    Buckets newBuckets(long now) {
        return new Buckets(
                messages == null ? null : new Bucket(messages, now), bytes == null ? null : new Bucket(bytes, now));
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
