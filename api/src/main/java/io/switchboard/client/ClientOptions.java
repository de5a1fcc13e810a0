package io.switchboard.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The settings of one {@link ReconnectingSocket}. In CDI they are read from {@code switchboard.client.<name>.*};
 * in Java SE they are built with {@link #builder(String, URI)}. Each accessor names its configuration key.
 *
 * @param name              the client's name
 * @param uri               {@code url}: {@code ws://} or {@code wss://}
 * @param headers           {@code header.<Name>}: headers sent with every handshake
 * @param subprotocols      {@code subprotocols}: offered in order, comma-separated
 * @param token             {@code token}: a static bearer token, or {@code null}
 * @param tokenSupplier     asked for a token before every attempt (overrides {@code token}), or {@code null}
 * @param connectTimeout    {@code connect-timeout}: the longest a handshake may take (default 10s)
 * @param sendTimeout       {@code send-timeout}: the longest one write may take before the link is deemed stuck and
 *                          replaced (default 10s)
 * @param heartbeatInterval {@code heartbeat.interval}: how often to ping the server, {@link Duration#ZERO} for never
 *                          (default 30s)
 * @param pongTimeout       {@code heartbeat.timeout}: how long a pong may take before the link is deemed dead
 *                          (default 10s)
 * @param backoffInitial    {@code backoff.initial}: the first delay's ceiling (default 500ms)
 * @param backoffMax        {@code backoff.max}: the largest delay (default 30s)
 * @param backoffMultiplier {@code backoff.multiplier}: how the ceiling grows per failed attempt (default 2)
 * @param fullJitter        {@code backoff.jitter}: {@code full} (the default) waits a uniformly random time up to the
 *                          ceiling, {@code none} waits the ceiling itself
 * @param maxAttempts       {@code max-attempts}: failed attempts in a row before the client gives up, 0 (or
 *                          {@code unlimited}, the default) for never
 * @param connectAtStartup  {@code connect}: {@code startup} (the default) or {@code lazy} (on the first send or
 *                          {@link ReconnectingSocket#connect()})
 * @param bufferMessages    {@code buffer.messages}: the most messages waiting to be written (default 1000)
 * @param bufferBytes       {@code buffer.bytes}: the most bytes waiting to be written (default 1 MiB)
 * @param bufferPolicy      {@code buffer.policy}: {@code buffer} (the default) or {@code fail-fast}
 * @param maxMessageSize    {@code max-message-size}: the largest message sent or received (default 1 MiB); a larger
 *                          one received closes the link with 1009 and reconnects
 */
public record ClientOptions(
        String name,
        URI uri,
        Map<String, String> headers,
        List<String> subprotocols,
        String token,
        TokenSupplier tokenSupplier,
        Duration connectTimeout,
        Duration sendTimeout,
        Duration heartbeatInterval,
        Duration pongTimeout,
        Duration backoffInitial,
        Duration backoffMax,
        double backoffMultiplier,
        boolean fullJitter,
        int maxAttempts,
        boolean connectAtStartup,
        int bufferMessages,
        long bufferBytes,
        BufferPolicy bufferPolicy,
        int maxMessageSize) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TOKEN_CHARS = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Checks every setting; see {@link Builder#build()}. */
    public ClientOptions {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Switchboard: a client's name must be 1 to 64 letters, digits, '-' or"
                    + " '_', not '" + name + "'");
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null) {
            throw invalid(name, "url", uri, "a ws:// or wss:// URL with a host");
        }
        headers = Map.copyOf(headers);
        headers.forEach((header, value) -> {
            if (!TOKEN_CHARS.matcher(header).matches()) {
                // The name, not the value: a header's value may be a secret.
                throw invalid(name, "header." + header, header, "a header name made of token characters");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw invalid(name, "header." + header, "(hidden)", "a value without line breaks");
            }
        });
        subprotocols = List.copyOf(subprotocols);
        for (String subprotocol : subprotocols) {
            if (!TOKEN_CHARS.matcher(subprotocol).matches()) {
                throw invalid(name, "subprotocols", subprotocol, "token characters");
            }
        }
        if (token != null && (token.isBlank() || token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0)) {
            throw invalid(name, "token", "(hidden)", "a non-blank token without line breaks");
        }
        positive(name, "connect-timeout", connectTimeout);
        positive(name, "send-timeout", sendTimeout);
        if (heartbeatInterval == null || heartbeatInterval.isNegative()) {
            throw invalid(name, "heartbeat.interval", heartbeatInterval, "0 (off) or a positive duration");
        }
        positive(name, "heartbeat.timeout", pongTimeout);
        positive(name, "backoff.initial", backoffInitial);
        positive(name, "backoff.max", backoffMax);
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw invalid(name, "backoff.max", backoffMax, "at least backoff.initial (" + backoffInitial + ")");
        }
        if (!(backoffMultiplier >= 1.0 && backoffMultiplier <= 100.0)) {
            throw invalid(name, "backoff.multiplier", backoffMultiplier, "a number from 1 to 100");
        }
        if (maxAttempts < 0) {
            throw invalid(name, "max-attempts", maxAttempts, "a positive count or 'unlimited'");
        }
        if (bufferMessages < 1) {
            throw invalid(name, "buffer.messages", bufferMessages, "at least 1");
        }
        if (bufferBytes < 1) {
            throw invalid(name, "buffer.bytes", bufferBytes, "at least 1 byte");
        }
        Objects.requireNonNull(bufferPolicy, "bufferPolicy");
        if (maxMessageSize < 1) {
            throw invalid(name, "max-message-size", maxMessageSize, "at least 1 byte");
        }
    }

    /**
     * A builder with every default.
     *
     * @param name the client's name, used in logs, metrics and errors
     * @param uri  where to connect
     * @return the builder
     */
    public static Builder builder(String name, URI uri) {
        return new Builder(name, uri);
    }

    /**
     * The full configuration key of one of this client's settings.
     *
     * @param name the client's name
     * @param key  the setting, e.g. {@code backoff.max}
     * @return e.g. {@code switchboard.client.prices.backoff.max}
     */
    public static String keyOf(String name, String key) {
        return "switchboard.client." + name + "." + key;
    }

    private static void positive(String name, String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw invalid(name, key, value, "a positive duration");
        }
    }

    private static IllegalArgumentException invalid(String name, String key, Object value, String expected) {
        return new IllegalArgumentException("Switchboard: client '" + name + "': " + keyOf(name, key) + " must be "
                + expected + ", not '" + value + "'");
    }

    /** Builds {@link ClientOptions}; each setter names the configuration key it stands for. */
    public static final class Builder {
        private final String name;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<String> subprotocols = new ArrayList<>();
        private String token;
        private TokenSupplier tokenSupplier;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration sendTimeout = Duration.ofSeconds(10);
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private Duration pongTimeout = Duration.ofSeconds(10);
        private Duration backoffInitial = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(30);
        private double backoffMultiplier = 2.0;
        private boolean fullJitter = true;
        private int maxAttempts;
        private boolean connectAtStartup = true;
        private int bufferMessages = 1000;
        private long bufferBytes = 1024 * 1024;
        private BufferPolicy bufferPolicy = BufferPolicy.BUFFER;
        private int maxMessageSize = 1024 * 1024;

        private Builder(String name, URI uri) {
            this.name = name;
            this.uri = uri;
        }

        /**
         * {@code header.<name>}: adds a handshake header.
         *
         * @param header the header's name
         * @param value  its value
         * @return this
         */
        public Builder header(String header, String value) {
            headers.put(header, value);
            return this;
        }

        /**
         * {@code subprotocols}: offers these, in order.
         *
         * @param offered the subprotocols
         * @return this
         */
        public Builder subprotocols(List<String> offered) {
            subprotocols.clear();
            subprotocols.addAll(offered);
            return this;
        }

        /**
         * {@code token}: a static bearer token.
         *
         * @param value the token
         * @return this
         */
        public Builder token(String value) {
            this.token = value;
            return this;
        }

        /**
         * Asks this for a token before every attempt.
         *
         * @param supplier the supplier
         * @return this
         */
        public Builder tokenSupplier(TokenSupplier supplier) {
            this.tokenSupplier = supplier;
            return this;
        }

        /**
         * {@code connect-timeout}.
         *
         * @param value the longest a handshake may take
         * @return this
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /**
         * {@code send-timeout}.
         *
         * @param value the longest one write may take
         * @return this
         */
        public Builder sendTimeout(Duration value) {
            this.sendTimeout = value;
            return this;
        }

        /**
         * {@code heartbeat.interval} and {@code heartbeat.timeout}.
         *
         * @param interval how often to ping, {@link Duration#ZERO} for never
         * @param timeout  how long a pong may take
         * @return this
         */
        public Builder heartbeat(Duration interval, Duration timeout) {
            this.heartbeatInterval = interval;
            this.pongTimeout = timeout;
            return this;
        }

        /**
         * {@code backoff.initial}, {@code backoff.max} and {@code backoff.multiplier}.
         *
         * @param initial    the first delay's ceiling
         * @param max        the largest delay
         * @param multiplier the growth per failed attempt
         * @return this
         */
        public Builder backoff(Duration initial, Duration max, double multiplier) {
            this.backoffInitial = initial;
            this.backoffMax = max;
            this.backoffMultiplier = multiplier;
            return this;
        }

        /**
         * {@code backoff.jitter}.
         *
         * @param full {@code true} for full jitter, {@code false} for none
         * @return this
         */
        public Builder fullJitter(boolean full) {
            this.fullJitter = full;
            return this;
        }

        /**
         * {@code max-attempts}.
         *
         * @param value failed attempts in a row before giving up, 0 for never
         * @return this
         */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /**
         * {@code connect}.
         *
         * @param atStartup {@code true} to connect when built, {@code false} to wait for the first send or
         *                  {@link ReconnectingSocket#connect()}
         * @return this
         */
        public Builder connectAtStartup(boolean atStartup) {
            this.connectAtStartup = atStartup;
            return this;
        }

        /**
         * {@code buffer.messages}, {@code buffer.bytes} and {@code buffer.policy}.
         *
         * @param messages the most messages waiting
         * @param bytes    the most bytes waiting
         * @param policy   what to do while disconnected
         * @return this
         */
        public Builder buffer(int messages, long bytes, BufferPolicy policy) {
            this.bufferMessages = messages;
            this.bufferBytes = bytes;
            this.bufferPolicy = policy;
            return this;
        }

        /**
         * {@code max-message-size}.
         *
         * @param bytes the largest message sent or received
         * @return this
         */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * The options.
         *
         * @return them
         * @throws IllegalArgumentException naming the key and the value of the first bad setting
         */
        public ClientOptions build() {
            return new ClientOptions(
                    name,
                    uri,
                    headers,
                    subprotocols,
                    token,
                    tokenSupplier,
                    connectTimeout,
                    sendTimeout,
                    heartbeatInterval,
                    pongTimeout,
                    backoffInitial,
                    backoffMax,
                    backoffMultiplier,
                    fullJitter,
                    maxAttempts,
                    connectAtStartup,
                    bufferMessages,
                    bufferBytes,
                    bufferPolicy,
                    maxMessageSize);
        }
    }
}
