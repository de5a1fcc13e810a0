package io.switchboard.backplane.redis;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The Redis backplane's settings, {@code switchboard.backplane.redis.*}, read once at start. A value that does not
 * parse fails the deployment with the key and the value (a URL's password is never repeated).
 *
 * @param url              {@code url}: {@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for TLS
 * @param prefix           {@code prefix}: the start of every key and channel, so applications can share a Redis
 * @param timeout          {@code timeout}: the longest a command may take, and so the longest a handshake waits for
 *                         a cluster-wide count
 * @param nodeTimeout      {@code node-timeout}: how long after its last heartbeat a silent node's members and counts
 *                         are removed; each node beats every third of it
 * @param reconnectMin     {@code reconnect.min-delay}: the first wait before reconnecting
 * @param reconnectMax     {@code reconnect.max-delay}: the longest wait (the waits double, with full jitter)
 * @param pending          {@code max-pending}: commands that may wait for Redis at once; more fail at once
 * @param trustedCertificate {@code tls.ca-file}: a PEM file of the CA to trust for {@code rediss://}, else the JVM's
 */
record RedisSettings(
        String url,
        String prefix,
        Duration timeout,
        Duration nodeTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        int pending,
        Optional<String> trustedCertificate) {

    static final String KEY = "switchboard.backplane.redis.";

    static RedisSettings read(Config config) {
        Function<String, Optional<String>> raw = key -> config.getOptionalValue(KEY + key, String.class)
                .map(String::trim)
                .filter(v -> !v.isEmpty());
        String url = raw.apply("url").orElse("redis://127.0.0.1:6379");
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException("Switchboard: " + KEY
                    + "url must start with redis:// or rediss://, not '" + withoutPassword(url) + "'");
        }
        String prefix = raw.apply("prefix").orElse("switchboard");
        Duration timeout = duration(raw, "timeout", Duration.ofSeconds(2));
        Duration nodeTimeout = duration(raw, "node-timeout", Duration.ofSeconds(15));
        Duration min = duration(raw, "reconnect.min-delay", Duration.ofMillis(100));
        Duration max = duration(raw, "reconnect.max-delay", Duration.ofSeconds(10));
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("Switchboard: " + KEY + "reconnect.min-delay (" + min
                    + ") is longer than " + KEY + "reconnect.max-delay (" + max + ")");
        }
        if (nodeTimeout.toMillis() < 300) {
            throw new IllegalArgumentException(
                    "Switchboard: " + KEY + "node-timeout must be at least 300ms, not " + nodeTimeout);
        }
        String pendingText = raw.apply("max-pending").orElse("10000");
        int pending;
        try {
            pending = Integer.parseInt(pendingText);
        } catch (NumberFormatException e) {
            pending = -1;
        }
        if (pending < 1) {
            throw new IllegalArgumentException(
                    "Switchboard: " + KEY + "max-pending must be a whole number from 1, not '" + pendingText + "'");
        }
        return new RedisSettings(url, prefix, timeout, nodeTimeout, min, max, pending, raw.apply("tls.ca-file"));
    }

    private static Duration duration(Function<String, Optional<String>> raw, String key, Duration otherwise) {
        Optional<String> text = raw.apply(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        Duration parsed = parse(text.get());
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException("Switchboard: " + KEY + key + " must be a positive duration such as "
                    + "500ms, 2s or PT2S, not '" + text.get() + "'");
        }
        return parsed;
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, or ISO-8601 {@code PT2S}. */
    private static Duration parse(String text) {
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> null;
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The URL as it may be logged: without a password. */
    static String withoutPassword(String url) {
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("://");
        return at < 0 || scheme < 0 ? url : url.substring(0, scheme + 3) + "***@" + url.substring(at + 1);
    }

    /** The URL as it may be logged. */
    String safeUrl() {
        return withoutPassword(url);
    }
}
