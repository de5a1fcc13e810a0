package io.switchboard.impl.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads Switchboard's settings from MicroProfile Config, typed and strict:
 *
 * <pre>{@code
 * Duration interval = settings.endpoint(endpointId).key("heartbeat.interval").as(Parsers.DURATION)
 *         .or(new Annotated("@Heartbeat(interval)", heartbeat.interval())).orDefault(Duration.ofSeconds(30));
 * boolean fastPath = settings.key("switchboard.fast-path").as(Parsers.BOOLEAN).orDefault(true);
 * }</pre>
 *
 * An endpoint's setting is looked up as {@code switchboard.<id>.<setting>}, then the endpoint's annotation (if given
 * with {@link Setting#or}), then {@code switchboard.default.<setting>}, then the built-in default. A value that does
 * not parse throws {@link IllegalArgumentException} naming the endpoint, the key (or the annotation) and the value.
 *
 * <p>Production code reads {@link #global()}; a test gives {@link #of} a small in-memory {@code Config}.
 */
public final class Settings {

    private static final Settings GLOBAL = new Settings(Settings::fromProvider, Settings::namesFromProvider);

    private final Function<String, Optional<String>> lookup;
    private final Supplier<Iterable<String>> names;

    private Settings(Function<String, Optional<String>> lookup, Supplier<Iterable<String>> names) {
        this.lookup = lookup;
        this.names = names;
    }

    /**
     * The settings of the application whose thread calls: MicroProfile Config's {@code ConfigProvider}, asked at each
     * read. Without MicroProfile Config on the server, no key is set and every setting keeps its default.
     *
     * @return the settings
     */
    public static Settings global() {
        return GLOBAL;
    }

    /**
     * The settings in one {@code Config}.
     *
     * @param config the configuration
     * @return a reader over it
     */
    public static Settings of(Config config) {
        return new Settings(key -> config.getOptionalValue(key, String.class), config::getPropertyNames);
    }

    /**
     * A deployment-wide key, such as {@code switchboard.fast-path} or {@code mp.jwt.verify.issuer}.
     *
     * @param key the whole key
     * @return the setting, as text until {@link Setting#as}
     */
    public Setting<String> key(String key) {
        return Setting.wholeKey(this, key);
    }

    /**
     * One endpoint's settings.
     *
     * @param endpointId the endpoint id
     * @return a reader of its settings
     */
    public Endpoint endpoint(String endpointId) {
        return new Endpoint(this, endpointId);
    }

    /**
     * One reconnecting client's settings.
     *
     * @param name the client's name
     * @return a reader of {@code switchboard.client.<name>.*}
     */
    public Client client(String name) {
        return new Client(this, name);
    }

    /**
     * Every key configured, for settings whose keys the application makes up (a client's headers, its name).
     *
     * @return the keys
     */
    public Iterable<String> names() {
        return names.get();
    }

    Optional<String> raw(String key) {
        return lookup.apply(key);
    }

    private static Iterable<String> namesFromProvider() {
        try {
            return ConfigProvider.getConfig().getPropertyNames();
        } catch (NoClassDefFoundError | IllegalStateException noConfig) {
            return java.util.List.of();
        }
    }

    private static Optional<String> fromProvider(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class);
        } catch (NoClassDefFoundError | IllegalStateException noConfig) {
            return Optional.empty();
        }
    }

    /** The settings of one reconnecting client, {@code switchboard.client.<name>.<setting>}. */
    public static final class Client {
        private final Settings settings;
        private final String name;

        private Client(Settings settings, String name) {
            this.settings = settings;
            this.name = name;
        }

        /**
         * One of the client's settings.
         *
         * @param setting such as {@code backoff.max}
         * @return the setting, as text until {@link Setting#as}
         */
        public Setting<String> key(String setting) {
            return Setting.wholeKey(settings, "switchboard.client." + name + "." + setting);
        }
    }

    /** The settings of one endpoint. */
    public static final class Endpoint {

        private final Settings settings;
        private final String id;

        private Endpoint(Settings settings, String id) {
            this.settings = settings;
            this.id = id;
        }

        /** The endpoint id. */
        public String id() {
            return id;
        }

        /**
         * One of the endpoint's settings: {@code switchboard.<id>.<setting>}, else the annotation given with
         * {@link Setting#or}, else {@code switchboard.default.<setting>}.
         *
         * @param setting such as {@code heartbeat.interval}
         * @return the setting, as text until {@link Setting#as}
         */
        public Setting<String> key(String setting) {
            return Setting.endpointKey(settings, id, setting);
        }

        /** The error for a bad combination of values, naming the endpoint. */
        public IllegalArgumentException bad(String problem) {
            return new IllegalArgumentException("Switchboard: bad configuration for endpoint " + id + ": " + problem);
        }
    }
}
