package io.switchboard.impl.client;

import io.switchboard.client.BufferPolicy;
import io.switchboard.client.ClientOptions;
import io.switchboard.client.TokenSupplier;
import io.switchboard.impl.config.Parser;
import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Setting;
import io.switchboard.impl.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one client's {@link ClientOptions} from {@code switchboard.client.<name>.*}. A missing {@code url} or a value
 * that does not parse throws, naming the client, the whole key and the value (never a token's or a header's value).
 */
final class ClientSettings {
    private static final String PREFIX = "switchboard.client.";
    private static final Parser<Double> MULTIPLIER = Parser.of(Double::parseDouble, "a number from 1 to 100")
            .requiring(m -> m >= 1 && m <= 100, "a number from 1 to 100");

    private ClientSettings() {}

    /**
     * The names of the clients the configuration declares: every {@code switchboard.client.<name>.url}.
     *
     * @param propertyNames every configured key
     * @return the names
     */
    static Set<String> configured(Iterable<String> propertyNames) {
        Set<String> names = new TreeSet<>();
        for (String key : propertyNames) {
            if (key.startsWith(PREFIX) && key.endsWith(".url")) {
                String name = key.substring(PREFIX.length(), key.length() - ".url".length());
                if (!name.isEmpty() && name.indexOf('.') < 0) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * @param settings      where from
     * @param name          the client's name
     * @param tokenSupplier the application's supplier for this client, or {@code null}
     * @param why           how the application names the client, for the error when {@code url} is missing
     */
    static ClientOptions read(Settings settings, String name, TokenSupplier tokenSupplier, String why) {
        Settings.Client client = settings.client(name);
        String url = client.key("url")
                .optional()
                .map(String::trim)
                .orElseThrow(() -> new IllegalArgumentException("Switchboard: client '" + name + "' is " + why + " but "
                        + ClientOptions.keyOf(name, "url") + " is not set"));
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException bad) {
            throw new IllegalArgumentException("Switchboard: client '" + name + "': " + ClientOptions.keyOf(name, "url")
                    + " must be a ws:// or wss:// URL, not '" + url + "'");
        }
        ClientOptions.Builder options = ClientOptions.builder(name, uri);
        String headerPrefix = ClientOptions.keyOf(name, "header.");
        for (String property : settings.names()) {
            if (property.startsWith(headerPrefix) && property.length() > headerPrefix.length()) {
                String header = property.substring(headerPrefix.length());
                client.key("header." + header).optional().ifPresent(value -> options.header(header, value));
            }
        }
        client.key("subprotocols").as(Parsers.LIST).optional().ifPresent(options::subprotocols);
        client.key("token").optional().ifPresent(options::token);
        options.tokenSupplier(tokenSupplier);
        options.connectTimeout(duration(client.key("connect-timeout"), Duration.ofSeconds(10)));
        options.sendTimeout(duration(client.key("send-timeout"), Duration.ofSeconds(10)));
        options.heartbeat(
                duration(client.key("heartbeat.interval"), Duration.ofSeconds(30)),
                duration(client.key("heartbeat.timeout"), Duration.ofSeconds(10)));
        options.backoff(
                duration(client.key("backoff.initial"), Duration.ofMillis(500)),
                duration(client.key("backoff.max"), Duration.ofSeconds(30)),
                client.key("backoff.multiplier").as(MULTIPLIER).orDefault(2.0));
        options.fullJitter(choice(client.key("backoff.jitter"), "full", "none"));
        String attempts = client.key("max-attempts").orDefault("unlimited").trim();
        options.maxAttempts(
                attempts.equals("unlimited")
                        ? 0
                        : client.key("max-attempts")
                                .as(Parsers.number(1, Integer.MAX_VALUE))
                                .orDefault(0L)
                                .intValue());
        options.connectAtStartup(choice(client.key("connect"), "startup", "lazy"));
        options.buffer(
                client.key("buffer.messages")
                        .as(Parsers.number(1, 10_000_000))
                        .orDefault(1000L)
                        .intValue(),
                client.key("buffer.bytes").as(Parsers.SIZE).orDefault(1024L * 1024),
                choice(client.key("buffer.policy"), "buffer", "fail-fast")
                        ? BufferPolicy.BUFFER
                        : BufferPolicy.FAIL_FAST);
        long maxSize = client.key("max-message-size").as(Parsers.SIZE).orDefault(1024L * 1024);
        if (maxSize < 1 || maxSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "Switchboard: client '" + name + "': " + ClientOptions.keyOf(name, "max-message-size")
                            + " must be from 1 byte to 2 GiB, not '" + maxSize + "'");
        }
        options.maxMessageSize((int) maxSize);
        return options.build();
    }

    private static Duration duration(Setting<String> setting, Duration defaultValue) {
        return setting.as(Parsers.DURATION).orDefault(defaultValue);
    }

    /** Whether the value is the first of two words (the default), naming the key and value if it is neither. */
    private static boolean choice(Setting<String> setting, String first, String second) {
        Setting.Found found = setting.found().orElse(null);
        if (found == null) {
            return true;
        }
        String value = found.value().trim();
        if (!value.equals(first) && !value.equals(second)) {
            throw new IllegalArgumentException("Switchboard: bad configuration: " + found.key() + " = '" + value
                    + "' is not " + first + " or " + second);
        }
        return value.equals(first);
    }
}
