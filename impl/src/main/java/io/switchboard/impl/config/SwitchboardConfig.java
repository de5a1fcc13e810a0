package io.switchboard.impl.config;

import io.switchboard.Heartbeat;
import io.switchboard.IdleTimeout;
import io.switchboard.MaxMessageSize;
import io.switchboard.OverflowPolicy;
import io.switchboard.SendQueue;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.function.Function;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Switchboard's MicroProfile Config keys: {@code switchboard.<endpoint-id>.<setting>}, then the endpoint's
 * annotation where the setting has one, then {@code switchboard.default.<setting>}. Values are parsed strictly: a value that does not parse fails the
 * deployment with a message naming the endpoint, the key and the value. Without MicroProfile Config on the
 * server, every setting keeps its default.
 *
 * <p>The per-endpoint resolver ({@link #count}, {@link #size}, {@link #duration}, {@link #parsed}) is public so that a
 * feature whose settings are made of its own types reads them itself ({@code impl.limit}'s rate and connection
 * limits, {@code impl.security}'s rules and keys): this package then depends on no feature.
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
     * A count of zero or more, up to {@code Integer.MAX_VALUE}; 0 when not set.
     *
     * @param endpointId the endpoint id
     * @param setting    the setting, such as {@code connections.max}
     * @param annotated  the endpoint's annotation's value, or {@code null}
     * @return the count
     * @throws IllegalArgumentException if the value is not such a count
     */
    public static long count(String endpointId, String setting, Annotated annotated) {
        return number(endpointId, setting, annotated, 0, 0, Integer.MAX_VALUE);
    }

    /**
     * A size in bytes ({@code 65536}, {@code 64KiB}, {@code 1MiB}).
     *
     * @param endpointId   the endpoint id
     * @param setting      the setting, such as {@code send-queue.max-bytes}
     * @param annotated    the endpoint's annotation's value, or {@code null}
     * @param defaultValue when none is given
     * @return the size
     * @throws IllegalArgumentException if the value is not a size
     */
    public static long size(String endpointId, String setting, Annotated annotated, long defaultValue) {
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

    /**
     * A value given by an annotation on the endpoint, and where it comes from, for error messages.
     *
     * @param where such as {@code @SendQueue(capacity)}
     * @param value the annotation's value as text
     */
    public record Annotated(String where, String value) {
    }

    /**
     * A value of another kind, parsed by {@code parse}.
     *
     * @param endpointId the endpoint id
     * @param setting    the setting, such as {@code rate-limit.session.policy}
     * @param annotated  the endpoint's annotation's value, or {@code null}
     * @param parse      turns the trimmed text into the value; throws {@link IllegalArgumentException} if it cannot
     * @param expected   what a good value looks like, for the error message, such as {@code drop or close}
     * @param <T>        the value's type
     * @return the value, if given
     * @throws IllegalArgumentException naming the endpoint, the key and the value, if it does not parse
     */
    public static <T> Optional<T> parsed(String endpointId, String setting, Annotated annotated,
                                         Function<String, T> parse, String expected) {
        return value(endpointId, setting, annotated).map(found -> {
            try {
                return parse.apply(found.value().trim());
            } catch (IllegalArgumentException e) {
                throw found.bad(expected);
            }
        });
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

    /**
     * A duration of zero or more ({@code 30s}, {@code 500ms}, {@code PT30S}).
     *
     * @param endpointId   the endpoint id
     * @param setting      the setting, such as {@code heartbeat.interval}
     * @param annotated    the endpoint's annotation's value, or {@code null}
     * @param defaultValue when none is given
     * @return the duration
     * @throws IllegalArgumentException if the value is not such a duration
     */
    public static Duration duration(String endpointId, String setting, Annotated annotated, Duration defaultValue) {
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
