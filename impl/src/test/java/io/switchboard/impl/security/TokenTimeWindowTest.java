package io.switchboard.impl.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import io.switchboard.tck.security.tokens.TestTokens;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The time checks of a token, at a fixed clock, one second (or one millisecond) either side of each boundary with
 * the clock skew applied: {@code exp} (required), {@code nbf}, {@code iat} in the future and
 * {@code mp.jwt.verify.token.age} in {@link JwtVerifier}; {@code exp} and {@code nbf} again in
 * {@link HandshakeGuard} for a token the container verified.
 */
class TokenTimeWindowTest {

    private static final long SKEW = 5;
    private static final long AGE = 60;
    /** The fixed clock's reading; every claim below is given relative to it, in seconds. */
    private static final long T = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();

    private static JwtSettings settings(long tokenAgeSeconds) {
        return VerifierSettings.of(
                Optional.of(TestTokens.jwks()),
                Optional.empty(),
                Set.of(JWSAlgorithm.RS256),
                SKEW,
                tokenAgeSeconds,
                false,
                JwtSettings.DEFAULT_KEY_REFETCH_INTERVAL);
    }

    private static final JwtVerifier VERIFIER =
            new JwtVerifier(settings(0), TokenTimeWindowTest.class.getClassLoader());
    private static final JwtVerifier WITH_TOKEN_AGE =
            new JwtVerifier(settings(AGE), TokenTimeWindowTest.class.getClassLoader());

    /** A good token issued at {@code T - 60}, expiring at {@code T + 600}, for changing one claim. */
    private static TestTokens.Builder token() {
        return TestTokens.forUser("ann").claim("iat", T - 60).claim("exp", T + 600);
    }

    private static Instant at(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond);
    }

    private static Instant justBefore(long epochSecond) {
        return at(epochSecond).minusMillis(1);
    }

    private static Instant justAfter(long epochSecond) {
        return at(epochSecond).plusMillis(1);
    }

    @Test
    void expiredFromExactlyExpPlusSkew() throws TokenRejected {
        String raw = token().claim("exp", T).sign();
        assertThat(VERIFIER.verify(raw, at(T + 1)).getName())
                .as("past exp, within the skew")
                .isEqualTo("ann");
        assertThat(VERIFIER.verify(raw, justBefore(T + SKEW)).getName()).isEqualTo("ann");
        assertThatThrownBy(() -> VERIFIER.verify(raw, at(T + SKEW))).hasMessage("expired");
        assertThatThrownBy(() -> VERIFIER.verify(raw, at(T + SKEW + 1))).hasMessage("expired");
    }

    @Test
    void expIsRequired() {
        String raw = token().without("exp").sign();
        assertThatThrownBy(() -> VERIFIER.verify(raw, at(T))).hasMessage("no exp claim");
    }

    @Test
    void validFromExactlyNbfMinusSkew() throws TokenRejected {
        String raw = token().claim("nbf", T + 100).sign();
        assertThatThrownBy(() -> VERIFIER.verify(raw, justBefore(T + 100 - SKEW)))
                .hasMessage("not valid yet (nbf)");
        assertThat(VERIFIER.verify(raw, at(T + 100 - SKEW)).getName())
                .as("before nbf, within the skew")
                .isEqualTo("ann");
        assertThat(VERIFIER.verify(raw, at(T + 100)).getName()).isEqualTo("ann");
    }

    @Test
    void issuedInTheFutureUntilExactlyIatMinusSkew() throws TokenRejected {
        String raw = token().claim("iat", T + 100).sign();
        assertThatThrownBy(() -> VERIFIER.verify(raw, justBefore(T + 100 - SKEW)))
                .hasMessage("issued in the future (iat)");
        assertThat(VERIFIER.verify(raw, at(T + 100 - SKEW)).getName())
                .as("before iat, within the skew")
                .isEqualTo("ann");
    }

    @Test
    void tokenAgeCountsFromIatPlusAgePlusSkewInclusive() throws TokenRejected {
        String raw = token().claim("iat", T).sign();
        assertThat(WITH_TOKEN_AGE.verify(raw, at(T + AGE + 1)).getName())
                .as("older than the age, within the skew")
                .isEqualTo("ann");
        assertThat(WITH_TOKEN_AGE.verify(raw, at(T + AGE + SKEW)).getName()).isEqualTo("ann");
        assertThatThrownBy(() -> WITH_TOKEN_AGE.verify(raw, justAfter(T + AGE + SKEW)))
                .hasMessage("older than mp.jwt.verify.token.age");
        // Without a token age the same token is fine much later.
        assertThat(VERIFIER.verify(raw, at(T + 500)).getName()).isEqualTo("ann");
    }

    @Test
    void tokenAgeNeedsIat() {
        String raw = token().without("iat").sign();
        assertThatThrownBy(() -> WITH_TOKEN_AGE.verify(raw, at(T))).hasMessage("older than mp.jwt.verify.token.age");
    }

    @Test
    void theContainersTokenIsCheckedAgainstTheSameBoundariesInWholeSeconds() throws TokenRejected {
        HandshakeGuard guard = new HandshakeGuard(settings(0), null);
        VerifiedToken expiring = containerToken(token().claim("exp", T));
        assertThat(guard.outsideValidity(expiring, T + 1))
                .as("past exp, within the skew")
                .isNull();
        assertThat(guard.outsideValidity(expiring, T + SKEW - 1)).isNull();
        assertThat(guard.outsideValidity(expiring, T + SKEW)).isEqualTo("expired");

        VerifiedToken notYet = containerToken(token().claim("nbf", T + 100));
        assertThat(guard.outsideValidity(notYet, T + 100 - SKEW - 1)).isEqualTo("not valid yet (nbf)");
        assertThat(guard.outsideValidity(notYet, T + 100 - SKEW))
                .as("before nbf, within the skew")
                .isNull();

        // The container decides whether exp is required; the guard only checks what is there.
        assertThat(guard.outsideValidity(containerToken(token().without("exp")), T + 100_000))
                .isNull();
    }

    private static VerifiedToken containerToken(TestTokens.Builder builder) throws TokenRejected {
        return new VerifiedToken(builder.sign(), builder.claims());
    }
}
