package io.switchboard.impl.config;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One setting, where to look for it and how to parse it: made by {@link Settings#key} or
 * {@link Settings.Endpoint#key}, typed by {@link #as}, read by {@link #orDefault} or {@link #optional}. Immutable.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    private final Settings settings;
    /** The endpoint whose setting this is, or {@code null} for a deployment-wide key. */
    private final String endpointId;
    /** The key looked at first: the endpoint's, or the deployment-wide key. */
    private final String key;
    /** The key looked at last, {@code switchboard.default.<setting>}, or {@code null}. */
    private final String defaultKey;

    private final Parser<T> parser;
    /** The annotation's value, between the two keys; or {@code null}. */
    private final Annotated annotated;
    /** The value the annotations give, already typed, between the two keys; or {@code null}. */
    private final Supplier<Optional<T>> fromAnnotations;

    private Setting(
            Settings settings,
            String endpointId,
            String key,
            String defaultKey,
            Parser<T> parser,
            Annotated annotated,
            Supplier<Optional<T>> fromAnnotations) {
        this.settings = settings;
        this.endpointId = endpointId;
        this.key = key;
        this.defaultKey = defaultKey;
        this.parser = parser;
        this.annotated = annotated;
        this.fromAnnotations = fromAnnotations;
    }

    static Setting<String> wholeKey(Settings settings, String key) {
        return new Setting<>(settings, null, key, null, Parsers.TEXT, null, null);
    }

    static Setting<String> endpointKey(Settings settings, String endpointId, String setting) {
        return new Setting<>(
                settings,
                endpointId,
                "switchboard." + endpointId + "." + setting,
                "switchboard.default." + setting,
                Parsers.TEXT,
                null,
                null);
    }

    /**
     * This setting, parsed.
     *
     * @param parse the parser
     * @param <U>   the value's type
     * @return the typed setting
     */
    public <U> Setting<U> as(Parser<U> parse) {
        return new Setting<>(settings, endpointId, key, defaultKey, parse, annotated, null);
    }

    /**
     * This endpoint setting with the endpoint's annotation's value, which the endpoint's key overrides and which
     * overrides the default key.
     *
     * @param value the annotation's value, parsed like a configured one; {@code null} when there is no annotation
     * @return the setting
     */
    public Setting<T> or(Annotated value) {
        requireEndpoint();
        return new Setting<>(settings, endpointId, key, defaultKey, parser, value, fromAnnotations);
    }

    /**
     * This endpoint setting with a value its annotations give already typed, asked only when the endpoint's key is
     * not set.
     *
     * @param value the annotations' value, if they give one
     * @return the setting
     */
    public Setting<T> orFromAnnotations(Supplier<Optional<T>> value) {
        requireEndpoint();
        return new Setting<>(settings, endpointId, key, defaultKey, parser, annotated, value);
    }

    /**
     * The value.
     *
     * @param defaultValue when nothing gives one
     * @return the value
     * @throws IllegalArgumentException naming the endpoint, the key and the value, if it does not parse
     */
    public T orDefault(T defaultValue) {
        return optional().orElse(defaultValue);
    }

    /**
     * The value, if anything gives one.
     *
     * @return the value
     * @throws IllegalArgumentException naming the endpoint, the key and the value, if it does not parse
     */
    public Optional<T> optional() {
        Optional<Found> own = settings.raw(key).map(value -> new Found(key, value));
        if (own.isPresent()) {
            return own.map(this::parse);
        }
        if (annotated != null) {
            return Optional.of(parse(new Found(annotated.where(), annotated.value())));
        }
        if (fromAnnotations != null) {
            Optional<T> value = fromAnnotations.get();
            if (value.isPresent()) {
                return value;
            }
        }
        return defaultKey == null
                ? Optional.empty()
                : settings.raw(defaultKey).map(value -> parse(new Found(defaultKey, value)));
    }

    /**
     * Where the value is configured and its text, unparsed, for a check that words its own message. The annotation
     * is not looked at.
     *
     * @return the key and the text, if configured
     */
    public Optional<Found> found() {
        Optional<String> own = settings.raw(key);
        if (own.isPresent() || defaultKey == null) {
            return own.map(value -> new Found(key, value));
        }
        return settings.raw(defaultKey).map(value -> new Found(defaultKey, value));
    }

    private T parse(Found found) {
        try {
            return parser.parse(found.value());
        } catch (Parser.Rejected e) {
            throw new IllegalArgumentException("Switchboard: bad configuration"
                    + (endpointId == null ? "" : " for endpoint " + endpointId) + ": " + found.key() + " = '"
                    + found.value() + "' is not " + e.expected());
        }
    }

    private void requireEndpoint() {
        if (endpointId == null) {
            throw new IllegalStateException(key + " is a deployment-wide key: no annotation stands in for it");
        }
    }

    /**
     * A configured value and where it was found.
     *
     * @param key   the key, or the annotation such as {@code @SendQueue(capacity)}
     * @param value the text as configured
     */
    public record Found(String key, String value) {}
}
