package io.switchboard.impl.config;

import org.eclipse.microprofile.config.ConfigProvider;

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

    static boolean bool(String endpointId, String setting, boolean defaultValue) {
        String key = "switchboard." + endpointId + "." + setting;
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            key = "switchboard.default." + setting;
            value = raw(key);
        }
        if (value.isEmpty()) {
            return defaultValue;
        }
        String text = value.get().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("Switchboard: bad configuration for endpoint " + endpointId + ": " + key
                + " = '" + value.get() + "' is not a boolean (true or false)");
    }

    private static Optional<String> raw(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class);
        } catch (NoClassDefFoundError | IllegalStateException noConfig) {
            return Optional.empty();
        }
    }
}
