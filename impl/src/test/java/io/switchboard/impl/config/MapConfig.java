package io.switchboard.impl.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile {@code Config} over a map of strings, for reading settings in unit tests without a server. Only
 * {@code String} values are offered, which is all {@link Settings} asks for; like MicroProfile Config, an empty value
 * counts as missing.
 */
public final class MapConfig implements Config {

    private final Map<String, String> values;

    private MapConfig(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Settings over key-value pairs.
     *
     * @param keysAndValues {@code key1, value1, key2, value2, …}
     * @return the settings
     */
    public static Settings settings(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.of(new MapConfig(values));
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType).orElseThrow(() -> new NoSuchElementException(propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        if (propertyType != String.class) {
            throw new UnsupportedOperationException("only String values: " + propertyType);
        }
        return Optional.ofNullable(values.get(propertyName))
                .filter(v -> !v.isEmpty())
                .map(propertyType::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("cannot unwrap to " + type);
    }
}
