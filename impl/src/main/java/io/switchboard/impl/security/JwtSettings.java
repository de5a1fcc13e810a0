package io.switchboard.impl.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.switchboard.impl.config.Durations;
import io.switchboard.impl.config.SwitchboardConfig;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How bearer tokens are found and verified: MicroProfile JWT's own keys ({@code mp.jwt.verify.*},
 * {@code mp.jwt.token.*}) and Switchboard's for what MP-JWT leaves out ({@code switchboard.security.token.*}).
 *
 * @param publicKey         {@code mp.jwt.verify.publickey}: PEM, JWK or JWKS text
 * @param publicKeyLocation {@code mp.jwt.verify.publickey.location}: a file, classpath resource or URL
 * @param issuer            {@code mp.jwt.verify.issuer}: the {@code iss} a token must carry
 * @param audiences         {@code mp.jwt.verify.audiences}: a token's {@code aud} must hold one of these
 * @param algorithms        {@code mp.jwt.verify.publickey.algorithm}: RS256 unless configured (one algorithm)
 * @param clockSkewSeconds  {@code mp.jwt.verify.clock.skew}: leeway for {@code exp}, {@code nbf}, {@code iat}
 * @param tokenAgeSeconds   {@code mp.jwt.verify.token.age}: the most time since {@code iat}; 0 for no limit
 * @param header            {@code mp.jwt.token.header}: the header holding {@code Bearer <token>}
 * @param cookie            {@code mp.jwt.token.cookie}: the cookie holding the token
 * @param sources           {@code switchboard.security.token.sources}: where tokens are looked for
 * @param queryParameter    {@code switchboard.security.token.query-parameter}: the query parameter, when enabled
 * @param subprotocol       {@code switchboard.security.token.subprotocol}: the marker offered before the token
 * @param maxTokenLength    {@code switchboard.security.token.max-length}: longer tokens are refused unread
 * @param allowInsecureKeyLocation {@code switchboard.security.keys.allow-insecure-location}: an {@code http://} key
 *                          location on a host other than loopback is accepted without a warning
 * @param keyRefetchInterval {@code switchboard.security.keys.refetch-interval}: the least time between two fetches
 *                          of a remote key set, however many tokens name a key it does not hold
 */
public record JwtSettings(Optional<String> publicKey, Optional<String> publicKeyLocation, Optional<String> issuer,
                          Set<String> audiences, Set<JWSAlgorithm> algorithms, long clockSkewSeconds,
                          long tokenAgeSeconds, String header, String cookie, Set<TokenSource> sources,
                          String queryParameter, String subprotocol, int maxTokenLength,
                          boolean allowInsecureKeyLocation, Duration keyRefetchInterval) {

    /** The refetch interval unless configured: Nimbus's own default rate limit. */
    public static final Duration DEFAULT_KEY_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /** The algorithms MP-JWT 2.1 names; each is verified by Nimbus. */
    private static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /**
     * Reads the settings.
     *
     * @return the deployment's settings
     * @throws IllegalArgumentException naming the key and value of a setting that does not parse
     */
    public static JwtSettings read() {
        String header = text("mp.jwt.token.header", "Authorization");
        Set<TokenSource> sources = property("switchboard.security.token.sources")
                .map(JwtSettings::sources)
                .orElseGet(() -> header.equalsIgnoreCase("Cookie")
                        ? EnumSet.of(TokenSource.COOKIE, TokenSource.SUBPROTOCOL)
                        : EnumSet.of(TokenSource.HEADER, TokenSource.SUBPROTOCOL));
        return new JwtSettings(property("mp.jwt.verify.publickey"),
                property("mp.jwt.verify.publickey.location"),
                property("mp.jwt.verify.issuer").map(String::trim),
                list("mp.jwt.verify.audiences"),
                readAlgorithms(),
                number("mp.jwt.verify.clock.skew", 60, 0, 86_400),
                number("mp.jwt.verify.token.age", 0, 0, Long.MAX_VALUE),
                header,
                text("mp.jwt.token.cookie", "Bearer"),
                sources,
                text("switchboard.security.token.query-parameter", "access_token"),
                readSubprotocol(),
                (int) number("switchboard.security.token.max-length", 8192, 64, 1 << 20),
                bool("switchboard.security.keys.allow-insecure-location"),
                positiveDuration("switchboard.security.keys.refetch-interval", DEFAULT_KEY_REFETCH_INTERVAL));
    }

    /** Whether a key to verify tokens with is configured. */
    public boolean verifiable() {
        return publicKey.isPresent() || publicKeyLocation.isPresent();
    }

    private static Set<TokenSource> sources(String value) {
        Set<TokenSource> sources = EnumSet.noneOf(TokenSource.class);
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                sources.add(TokenSource.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw bad("switchboard.security.token.sources", value,
                        "a list of header, subprotocol, query, cookie");
            }
        }
        return sources;
    }

    /** One algorithm, as MP-JWT (and the servers' own MP-JWT, which reads the same key) allows. */
    private static Set<JWSAlgorithm> readAlgorithms() {
        String key = "mp.jwt.verify.publickey.algorithm";
        Optional<String> value = property(key);
        if (value.isEmpty()) {
            return Set.of(JWSAlgorithm.RS256);
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(value.get().trim().toUpperCase(Locale.ROOT));
        if (!SUPPORTED.contains(algorithm)) {
            throw bad(key, value.get(), "one of " + SUPPORTED.stream().map(JWSAlgorithm::getName).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return Set.of(algorithm);
    }

    private static String readSubprotocol() {
        String key = "switchboard.security.token.subprotocol";
        String value = text(key, "switchboard.bearer");
        // A subprotocol is an HTTP token: the marker must be one, or no browser could offer it.
        if (!value.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw bad(key, value, "an HTTP token (letters, digits and !#$%&'*+-.^_`|~)");
        }
        return value;
    }

    private static Set<String> list(String key) {
        return property(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    private static String text(String key, String defaultValue) {
        return property(key).map(String::trim).filter(s -> !s.isEmpty()).orElse(defaultValue);
    }

    private static long number(String key, long defaultValue, long min, long max) {
        return property(key).map(value -> {
            try {
                long parsed = Long.parseLong(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(key, value, "a whole number from " + min + " to " + max);
        }).orElse(defaultValue);
    }

    private static boolean bool(String key) {
        return property(key).map(value -> {
            String text = value.trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw bad(key, value, "a boolean (true or false)");
        }).orElse(false);
    }

    private static Duration positiveDuration(String key, Duration defaultValue) {
        return property(key).map(value -> {
            try {
                Duration parsed = Durations.parse(value);
                if (!parsed.isNegative() && !parsed.isZero()) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw bad(key, value, "a positive duration such as 30s, 500ms or 2m");
        }).orElse(defaultValue);
    }

    private static Optional<String> property(String key) {
        return SwitchboardConfig.property(key);
    }

    static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException("Switchboard: bad configuration: " + key + " = '" + value + "' is not "
                + expected);
    }
}
