package io.switchboard.impl.config;

import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads Switchboard's MicroProfile Config keys: {@code switchboard.<endpoint-id>.<setting>}, falling back to
 * {@code switchboard.default.<setting>}. Values are parsed strictly: a value that does not parse fails the
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
        return bool(endpointId, "enabled", true);
    }

    /**
     * How often an endpoint's quiet sessions are pinged ({@code switchboard.<id>.heartbeat.interval}, default
     * 30 s; 0 switches heartbeats off) and how long a pong may take
     * ({@code switchboard.<id>.heartbeat.timeout}, default 10 s).
     *
     * @param endpointId the endpoint id
     * @return the settings
     * @throws IllegalArgumentException if a value is not a duration, or the timeout is not positive
     */
    public static HeartbeatSettings heartbeat(String endpointId) {
        Duration interval = duration(endpointId, "heartbeat.interval", HeartbeatSettings.DEFAULT.interval());
        Duration timeout = duration(endpointId, "heartbeat.timeout", HeartbeatSettings.DEFAULT.timeout());
        if (!interval.isZero() && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("Switchboard: bad configuration for endpoint " + endpointId
                    + ": heartbeat.timeout = " + timeout + " must be positive while heartbeat.interval is "
                    + interval);
        }
        return new HeartbeatSettings(interval, timeout);
    }

    static boolean bool(String endpointId, String setting, boolean defaultValue) {
        return value(endpointId, setting).map(found -> {
            String text = found.value().trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw found.bad("a boolean (true or false)");
        }).orElse(defaultValue);
    }

    static Duration duration(String endpointId, String setting, Duration defaultValue) {
        return value(endpointId, setting).map(found -> {
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

    private static Optional<Found> value(String endpointId, String setting) {
        String key = "switchboard." + endpointId + "." + setting;
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            key = "switchboard.default." + setting;
            value = raw(key);
        }
        String foundKey = key;
        return value.map(v -> new Found(endpointId, foundKey, v));
    }

    private static Optional<String> raw(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class);
        } catch (NoClassDefFoundError | IllegalStateException noConfig) {
            return Optional.empty();
        }
    }
}
