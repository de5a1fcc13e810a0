package io.switchboard.impl.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.switchboard.tck.security.tokens.TestTokens;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The token settings the verifier tests share: {@link TestTokens}' issuer and audience, tokens in the
 * {@code Authorization} header, the defaults for everything else; each test names only what it varies.
 */
final class VerifierSettings {

    private VerifierSettings() {}

    /**
     * @param key             an inline key, or empty
     * @param location        a key location, or empty
     * @param algorithms      the algorithms accepted
     * @param skewSeconds     leeway on {@code exp}, {@code nbf}, {@code iat}
     * @param tokenAgeSeconds the most seconds since {@code iat}; 0 for no limit
     * @param allowInsecure   whether an {@code http:} key location is allowed
     * @param refetch         the least time between two fetches of the keys
     */
    static JwtSettings of(
            Optional<String> key,
            Optional<String> location,
            Set<JWSAlgorithm> algorithms,
            long skewSeconds,
            long tokenAgeSeconds,
            boolean allowInsecure,
            Duration refetch) {
        return new JwtSettings(
                key,
                location,
                Optional.of(TestTokens.ISSUER),
                Set.of(TestTokens.AUDIENCE),
                algorithms,
                skewSeconds,
                tokenAgeSeconds,
                "Authorization",
                "Bearer",
                EnumSet.of(TokenSource.HEADER),
                "access_token",
                TestTokens.MARKER,
                8192,
                allowInsecure,
                refetch);
    }
}
