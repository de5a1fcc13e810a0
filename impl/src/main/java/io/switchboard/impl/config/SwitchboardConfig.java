package io.switchboard.impl.config;

import io.switchboard.Heartbeat;
import io.switchboard.ConnectionLimits;
import io.switchboard.IdleTimeout;
import io.switchboard.RateLimit;
import io.switchboard.impl.limit.ConnectionLimitSettings;
import io.switchboard.impl.limit.RateLimitSettings;
import io.switchboard.MaxMessageSize;
import io.switchboard.OverflowPolicy;
import io.switchboard.SendQueue;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Switchboard's MicroProfile Config keys: {@code switchboard.<endpoint-id>.<setting>}, then the endpoint's
 * annotation where the setting has one, then {@code switchboard.default.<setting>}. Values are parsed strictly: a value that does not parse fails the
 * deployment with a message naming the endpoint, the key and the value. Without MicroProfile Config on the
 * server, every setting keeps its default.
 */
public final class SwitchboardConfig {

    private SwitchboardConfig() {
    }

    /**
     * Whether Switchboard manages an endpoint ({@code switchboard.<id>.enabled}, default {@code true}).
     *
     * @param endpointId the endpoint id
     * @return the setting
     * @throws IllegalArgumentException if the configured value is not {@code true} or {@code false}
     */
    public static boolean enabled(String endpointId) {
        return bool(endpointId, "enabled", null, true);
    }

    /**
     * Whether an endpoint's metrics are recorded ({@code switchboard.<id>.metrics.enabled}, else
     * {@code switchboard.default.metrics.enabled}, default {@code true}).
     *
     * @param endpointId the endpoint id
     * @return the setting
     * @throws IllegalArgumentException if the configured value is not {@code true} or {@code false}
     */
    public static boolean metricsEnabled(String endpointId) {
        return bool(endpointId, "metrics.enabled", null, true);
    }

    /**
     * Whether Switchboard may write through a container fast path where one applies ({@code switchboard.fast-path},
     * a deployment-wide key, default {@code true}); {@code false} keeps every session on the portable async sends.
     *
     * @return the setting
     * @throws IllegalArgumentException if the configured value is not {@code true} or {@code false}
     */
    public static boolean fastPath() {
        String key = "switchboard.fast-path";
        return raw(key).map(value -> {
            String text = value.trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException("Switchboard: bad configuration: " + key + " = '" + value
                    + "' is not a boolean (true or false)");
        }).orElse(true);
    }

    /**
     * How an endpoint finds dead and idle peers. For each setting the endpoint's key wins, then the annotation,
     * then the deployment default key, then {@link LivenessSettings#DEFAULT}:
     * {@code heartbeat.interval} and {@code heartbeat.timeout} ({@link Heartbeat}), {@code idle.timeout} and
     * {@code idle.pongs-count} ({@link IdleTimeout}).
     *
     * @param endpointId the endpoint id
     * @param heartbeat  the endpoint's annotation, or {@code null}
     * @param idle       the endpoint's annotation, or {@code null}
     * @return the settings
     * @throws IllegalArgumentException if a value is not a duration, or the heartbeat timeout is not positive
     */
    public static LivenessSettings liveness(String endpointId, Heartbeat heartbeat, IdleTimeout idle) {
        LivenessSettings defaults = LivenessSettings.DEFAULT;
        Duration interval = duration(endpointId, "heartbeat.interval",
                heartbeat == null ? null : new Annotated("@Heartbeat(interval)", heartbeat.interval()),
                defaults.heartbeatInterval());
        Duration timeout = duration(endpointId, "heartbeat.timeout",
                heartbeat == null ? null : new Annotated("@Heartbeat(timeout)", heartbeat.timeout()),
                defaults.heartbeatTimeout());
        if (!interval.isZero() && timeout.isZero()) {
            throw new IllegalArgumentException("Switchboard: bad configuration for endpoint " + endpointId
                    + ": the heartbeat timeout must be positive while the heartbeat interval is " + interval);
        }
        Duration idleTimeout = duration(endpointId, "idle.timeout",
                idle == null ? null : new Annotated("@IdleTimeout", idle.value()), defaults.idleTimeout());
        boolean pongsCount = bool(endpointId, "idle.pongs-count",
                idle == null ? null : new Annotated("@IdleTimeout(pongsCount)", String.valueOf(idle.pongsCount())),
                defaults.pongsCount());
        return new LivenessSettings(interval, timeout, idleTimeout, pongsCount);
    }

    /**
     * The bounds of an endpoint's send queues. For each setting the endpoint's key wins, then the annotation, then
     * the deployment default key, then {@link SendQueueSettings#DEFAULT}: {@code send-queue.capacity} (messages,
     * at least 1), {@code send-queue.max-bytes} (a size, at least 1), {@code send-queue.overflow}
     * ({@code drop-oldest}, {@code drop-newest} or {@code close}) and {@code send-queue.send-timeout} (a positive
     * duration).
     *
     * @param endpointId the endpoint id
     * @param queue      the endpoint's annotation, or {@code null}
     * @return the settings
     * @throws IllegalArgumentException if a value does not parse or is out of range
     */
    public static SendQueueSettings sendQueue(String endpointId, SendQueue queue) {
        SendQueueSettings defaults = SendQueueSettings.DEFAULT;
        long capacity = number(endpointId, "send-queue.capacity",
                queue == null ? null : new Annotated("@SendQueue(capacity)", String.valueOf(queue.capacity())),
                defaults.capacity(), 1, Integer.MAX_VALUE);
        long maxBytes = size(endpointId, "send-queue.max-bytes",
                queue == null ? null : new Annotated("@SendQueue(maxBytes)", queue.maxBytes()), defaults.maxBytes());
        if (maxBytes < 1) {
            throw new IllegalArgumentException("Switchboard: bad configuration for endpoint " + endpointId
                    + ": the send queue's max-bytes must be at least one byte");
        }
        OverflowPolicy overflow = value(endpointId, "send-queue.overflow",
                queue == null ? null : new Annotated("@SendQueue(overflow)", queue.overflow().name()))
                .map(found -> {
                    String text = found.value().trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
                    for (OverflowPolicy policy : OverflowPolicy.values()) {
                        if (policy.name().equals(text)) {
                            return policy;
                        }
                    }
                    throw found.bad("one of drop-oldest, drop-newest, close");
                }).orElse(defaults.overflow());
        Duration sendTimeout = duration(endpointId, "send-queue.send-timeout",
                queue == null ? null : new Annotated("@SendQueue(sendTimeout)", queue.sendTimeout()),
                defaults.sendTimeout());
        if (sendTimeout.isZero()) {
            throw new IllegalArgumentException("Switchboard: bad configuration for endpoint " + endpointId
                    + ": the send timeout must be positive");
        }
        return new SendQueueSettings((int) capacity, maxBytes, overflow, sendTimeout);
    }

    /**
     * The largest messages an endpoint accepts: {@code max-message-size.text} and {@code max-message-size.binary}
     * (sizes; 0 leaves the container's limit), endpoint key first, then {@link MaxMessageSize}, then the default
     * key.
     *
     * @param endpointId the endpoint id
     * @param limits     the endpoint's annotation, or {@code null}
     * @return the limits
     * @throws IllegalArgumentException if a value is not a size
     */
    public static MessageSizeLimits messageSizes(String endpointId, MaxMessageSize limits) {
        return new MessageSizeLimits(
                size(endpointId, "max-message-size.text",
                        limits == null ? null : new Annotated("@MaxMessageSize(text)", limits.text()), 0),
                size(endpointId, "max-message-size.binary",
                        limits == null ? null : new Annotated("@MaxMessageSize(binary)", limits.binary()), 0));
    }

    /**
     * An endpoint's rate limits by scope ({@code session}, {@code principal}, {@code address}): for each, the keys
     * {@code rate-limit.<scope>.messages}, {@code .bytes}, {@code .per}, {@code .burst}, {@code .burst-bytes} and
     * {@code .policy}, endpoint key first, then the endpoint's {@link RateLimit} of that scope, then the default key.
     *
     * @param endpointId  the endpoint id
     * @param annotations the endpoint's {@code @RateLimit}s
     * @return the configured limits; scopes without a rate are absent
     * @throws IllegalArgumentException if a value does not parse, or a scope is given twice
     */
    public static Map<RateLimit.Scope, RateLimitSettings> rateLimits(String endpointId, RateLimit[] annotations) {
        Map<RateLimit.Scope, RateLimit> byScope = new EnumMap<>(RateLimit.Scope.class);
        for (RateLimit annotation : annotations) {
            if (byScope.put(annotation.scope(), annotation) != null) {
                throw new IllegalArgumentException("Switchboard: bad @RateLimit on endpoint " + endpointId
                        + ": two limits with scope " + annotation.scope());
            }
        }
        Map<RateLimit.Scope, RateLimitSettings> limits = new EnumMap<>(RateLimit.Scope.class);
        for (RateLimit.Scope scope : RateLimit.Scope.values()) {
            RateLimit a = byScope.get(scope);
            String prefix = "rate-limit." + scope.name().toLowerCase(Locale.ROOT) + ".";
            String where = "@RateLimit(scope = " + scope + ", ";
            long messages = count(endpointId, prefix + "messages",
                    a == null ? null : new Annotated(where + "messages)", String.valueOf(a.messages())));
            long burst = count(endpointId, prefix + "burst",
                    a == null ? null : new Annotated(where + "burst)", String.valueOf(a.burst())));
            long bytes = size(endpointId, prefix + "bytes",
                    a == null ? null : new Annotated(where + "bytes)", a.bytes()), 0);
            long burstBytes = size(endpointId, prefix + "burst-bytes",
                    a == null ? null : new Annotated(where + "burstBytes)", a.burstBytes()), 0);
            Duration per = duration(endpointId, prefix + "per",
                    a == null ? null : new Annotated(where + "per)", a.per()), Duration.ofSeconds(1));
            RateLimit.Policy policy = value(endpointId, prefix + "policy",
                    a == null ? null : new Annotated(where + "policy)", a.policy().name())).map(found -> {
                        try {
                            return RateLimit.Policy.valueOf(found.value().trim().toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw found.bad("drop or close");
                        }
                    }).orElse(RateLimit.Policy.CLOSE);
            if ((messages > 0 || bytes > 0) && per.isZero()) {
                throw new IllegalArgumentException("Switchboard: bad configuration for endpoint " + endpointId
                        + ": the rate limit period (" + prefix + "per) must be positive");
            }
            RateLimitSettings settings = RateLimitSettings.of(scope, messages, burst, bytes, burstBytes,
                    per.toNanos(), policy);
            if (settings != null) {
                limits.put(scope, settings);
            }
        }
        return limits;
    }

    /**
     * An endpoint's connection limits: {@code connections.max}, {@code .per-principal}, {@code .per-address},
     * {@code .handshakes-per-address} (counts, 0 for none) and {@code .handshake-period} (a positive duration).
     *
     * @param endpointId the endpoint id
     * @param a          the endpoint's annotation, or {@code null}
     * @return the limits
     * @throws IllegalArgumentException if a value does not parse
     */
    public static ConnectionLimitSettings connectionLimits(String endpointId, ConnectionLimits a) {
        long max = count(endpointId, "connections.max",
                a == null ? null : new Annotated("@ConnectionLimits(max)", String.valueOf(a.max())));
        long perPrincipal = count(endpointId, "connections.per-principal",
                a == null ? null : new Annotated("@ConnectionLimits(perPrincipal)", String.valueOf(a.perPrincipal())));
        long perAddress = count(endpointId, "connections.per-address",
                a == null ? null : new Annotated("@ConnectionLimits(perAddress)", String.valueOf(a.perAddress())));
        long handshakes = count(endpointId, "connections.handshakes-per-address",
                a == null ? null : new Annotated("@ConnectionLimits(handshakesPerAddress)",
                        String.valueOf(a.handshakesPerAddress())));
        Duration period = duration(endpointId, "connections.handshake-period",
                a == null ? null : new Annotated("@ConnectionLimits(handshakePeriod)", a.handshakePeriod()),
                Duration.ofSeconds(1));
        if (handshakes > 0 && period.isZero()) {
            throw new IllegalArgumentException("Switchboard: bad configuration for endpoint " + endpointId
                    + ": the handshake period must be positive");
        }
        return new ConnectionLimitSettings((int) max, (int) perPrincipal, (int) perAddress, (int) handshakes,
                period.toNanos());
    }

    /** A count of zero or more, up to {@code Integer.MAX_VALUE}; 0 when not set. */
    static long count(String endpointId, String setting, Annotated annotated) {
        return number(endpointId, setting, annotated, 0, 0, Integer.MAX_VALUE);
    }

    static long size(String endpointId, String setting, Annotated annotated, long defaultValue) {
        return value(endpointId, setting, annotated).map(found -> {
            try {
                return ByteSizes.parse(found.value());
            } catch (IllegalArgumentException e) {
                throw found.bad("a size such as 65536, 64KiB or 1MiB");
            }
        }).orElse(defaultValue);
    }

    static long number(String endpointId, String setting, Annotated annotated, long defaultValue, long min,
                       long max) {
        return value(endpointId, setting, annotated).map(found -> {
            long parsed;
            try {
                parsed = Long.parseLong(found.value().trim());
            } catch (NumberFormatException e) {
                throw found.bad("a whole number");
            }
            if (parsed < min || parsed > max) {
                throw found.bad("a number from " + min + " to " + max);
            }
            return parsed;
        }).orElse(defaultValue);
    }

    /**
     * How long queued messages may take to go out when the application stops
     * ({@code switchboard.shutdown.drain-timeout}, a duration, default 5 s).
     *
     * @return the setting
     */
    public static Duration shutdownDrain() {
        String key = "switchboard.shutdown.drain-timeout";
        return raw(key).map(value -> {
            try {
                Duration parsed = Durations.parse(value);
                if (!parsed.isNegative()) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new IllegalArgumentException("Switchboard: bad configuration: " + key + " = '" + value
                    + "' is not a duration of zero or more");
        }).orElse(Duration.ofSeconds(5));
    }

    /** A value given by an annotation on the endpoint, and where it comes from. */
    private record Annotated(String where, String value) {
    }

    static boolean bool(String endpointId, String setting, Annotated annotated, boolean defaultValue) {
        return value(endpointId, setting, annotated).map(found -> {
            String text = found.value().trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw found.bad("a boolean (true or false)");
        }).orElse(defaultValue);
    }

    static Duration duration(String endpointId, String setting, Annotated annotated, Duration defaultValue) {
        return value(endpointId, setting, annotated).map(found -> {
            Duration parsed;
            try {
                parsed = Durations.parse(found.value());
            } catch (IllegalArgumentException e) {
                throw found.bad("a duration such as 30s, 500ms, 2m or PT30S");
            }
            if (parsed.isNegative()) {
                throw found.bad("a duration of zero or more");
            }
            return parsed;
        }).orElse(defaultValue);
    }

    /** A configured value and the key it was found under. */
    private record Found(String endpointId, String key, String value) {
        IllegalArgumentException bad(String expected) {
            return new IllegalArgumentException("Switchboard: bad configuration for endpoint " + endpointId + ": "
                    + key + " = '" + value + "' is not " + expected);
        }
    }

    /** The endpoint's key, else the annotation's value, else the deployment default key. */
    private static Optional<Found> value(String endpointId, String setting, Annotated annotated) {
        String key = "switchboard." + endpointId + "." + setting;
        Optional<String> value = raw(key);
        if (value.isEmpty() && annotated != null) {
            return Optional.of(new Found(endpointId, annotated.where(), annotated.value()));
        }
        if (value.isEmpty()) {
            key = "switchboard.default." + setting;
            value = raw(key);
        }
        String foundKey = key;
        return value.map(v -> new Found(endpointId, foundKey, v));
    }

    /**
     * A setting of an endpoint as configured: {@code switchboard.<id>.<setting>}, else
     * {@code switchboard.default.<setting>}, as {@code key=value} pairs for error messages.
     *
     * @param endpointId the endpoint id
     * @param setting    the setting, such as {@code roles-allowed}
     * @return the key it was found under and its value, if configured
     */
    public static Optional<Map.Entry<String, String>> endpointSetting(String endpointId, String setting) {
        return value(endpointId, setting, null).map(found -> Map.entry(found.key(), found.value()));
    }

    /**
     * A deployment-wide key, such as {@code mp.jwt.verify.issuer}.
     *
     * @param key the key
     * @return its value, if configured (and MicroProfile Config is there)
     */
    public static Optional<String> property(String key) {
        return raw(key);
    }

    private static Optional<String> raw(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class);
        } catch (NoClassDefFoundError | IllegalStateException noConfig) {
            return Optional.empty();
        }
    }
}
