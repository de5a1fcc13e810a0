package io.switchboard.impl.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.switchboard.impl.config.Durations;
import io.switchboard.impl.config.Parser;
import io.switchboard.impl.config.Parsers;
import io.switchboard.impl.config.Setting;
import io.switchboard.impl.config.Settings;
import java.time.Duration;
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
public record JwtSettings(
        Optional<String> publicKey,
        Optional<String> publicKeyLocation,
        Optional<String> issuer,
        Set<String> audiences,
        Set<JWSAlgorithm> algorithms,
        long clockSkewSeconds,
        long tokenAgeSeconds,
        String header,
        String cookie,
        Set<TokenSource> sources,
        String queryParameter,
        String subprotocol,
        int maxTokenLength,
        boolean allowInsecureKeyLocation,
        Duration keyRefetchInterval) {

    /** The refetch interval unless configured: Nimbus's own default rate limit. */
    public static final Duration DEFAULT_KEY_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /** The algorithms MP-JWT 2.1 names; each is verified by Nimbus. */
    private static final Set<JWSAlgorithm> SUPPORTED = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private static final String ALGORITHMS =
            "one of " + SUPPORTED.stream().map(JWSAlgorithm::getName).sorted().collect(Collectors.joining(", "));

    /** One algorithm, as MP-JWT (and the servers' own MP-JWT, which reads the same key) allows. */
    private static final Parser<JWSAlgorithm> ALGORITHM = Parser.of(
                    text -> JWSAlgorithm.parse(text.toUpperCase(Locale.ROOT)), ALGORITHMS)
            .requiring(SUPPORTED::contains, ALGORITHMS);

    private static final Parser<Duration> POSITIVE_DURATION = Parser.of(
                    Durations::parse, "a positive duration such as 30s, 500ms or 2m")
            .requiring(d -> !d.isNegative() && !d.isZero(), "a positive duration such as 30s, 500ms or 2m");

    /**
     * Reads the settings.
     *
     * @param settings the deployment's settings
     * @return the deployment's settings
     * @throws IllegalArgumentException naming the key and value of a setting that does not parse
     */
    public static JwtSettings read(Settings settings) {
        String header = text(settings.key("mp.jwt.token.header"), "Authorization");
        Set<TokenSource> sources = settings.key("switchboard.security.token.sources")
                .as(Parser.of(JwtSettings::sources, "a list of header, subprotocol, query, cookie"))
                .optional()
                .orElseGet(() -> header.equalsIgnoreCase("Cookie")
                        ? EnumSet.of(TokenSource.COOKIE, TokenSource.SUBPROTOCOL)
                        : EnumSet.of(TokenSource.HEADER, TokenSource.SUBPROTOCOL));
        return new JwtSettings(
                settings.key("mp.jwt.verify.publickey").optional(),
                settings.key("mp.jwt.verify.publickey.location").optional(),
                settings.key("mp.jwt.verify.issuer").optional().map(String::trim),
                settings.key("mp.jwt.verify.audiences")
                        .as(Parsers.LIST)
                        .optional()
                        .<Set<String>>map(Set::copyOf)
                        .orElse(Set.of()),
                settings.key("mp.jwt.verify.publickey.algorithm")
                        .as(ALGORITHM)
                        .optional()
                        .map(Set::of)
                        .orElse(Set.of(JWSAlgorithm.RS256)),
                settings.key("mp.jwt.verify.clock.skew").as(number(0, 86_400)).orDefault(60L),
                settings.key("mp.jwt.verify.token.age")
                        .as(number(0, Long.MAX_VALUE))
                        .orDefault(0L),
                header,
                text(settings.key("mp.jwt.token.cookie"), "Bearer"),
                sources,
                text(settings.key("switchboard.security.token.query-parameter"), "access_token"),
                readSubprotocol(settings),
                (int) (long) settings.key("switchboard.security.token.max-length")
                        .as(number(64, 1 << 20))
                        .orDefault(8192L),
                settings.key("switchboard.security.keys.allow-insecure-location")
                        .as(Parsers.BOOLEAN)
                        .orDefault(false),
                settings.key("switchboard.security.keys.refetch-interval")
                        .as(POSITIVE_DURATION)
                        .orDefault(DEFAULT_KEY_REFETCH_INTERVAL));
    }

    /** Whether a key to verify tokens with is configured. */
    public boolean verifiable() {
        return publicKey.isPresent() || publicKeyLocation.isPresent();
    }

    private static Set<TokenSource> sources(String value) {
        Set<TokenSource> sources = EnumSet.noneOf(TokenSource.class);
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                sources.add(TokenSource.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return sources;
    }

    private static String readSubprotocol(Settings settings) {
        String value = text(settings.key("switchboard.security.token.subprotocol"), "switchboard.bearer");
        // A subprotocol is an HTTP token: the marker must be one, or no browser could offer it.
        if (!value.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw bad(
                    "switchboard.security.token.subprotocol",
                    value,
                    "an HTTP token (letters, digits and !#$%&'*+-.^_`|~)");
        }
        return value;
    }

    /** The trimmed text, or the default where it is empty. */
    private static String text(Setting<String> setting, String defaultValue) {
        return setting.optional().map(String::trim).filter(s -> !s.isEmpty()).orElse(defaultValue);
    }

    /** A whole number in a range; one message for text that is no number and for a number out of range. */
    private static Parser<Long> number(long min, long max) {
        String expected = "a whole number from " + min + " to " + max;
        return Parser.of(Long::parseLong, expected).requiring(n -> n >= min && n <= max, expected);
    }

    static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(
                "Switchboard: bad configuration: " + key + " = '" + value + "' is not " + expected);
    }
}
