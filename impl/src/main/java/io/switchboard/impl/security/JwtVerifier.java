package io.switchboard.impl.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * Verifies signed JWTs as MicroProfile JWT specifies: the signature with Nimbus JOSE+JWT and a configured public
 * key, only with the configured algorithms (so {@code alg: none} and HMAC tokens signed with the public key fail),
 * then {@code exp} (required), {@code nbf}, {@code iat} and the token age with the configured clock skew, the
 * issuer and the audience. Every refusal names its reason in fixed words.
 */
public final class JwtVerifier {

    private final JwtSettings settings;
    private final VerificationKeys keys;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    /**
     * A verifier for the deployment's settings.
     *
     * @param settings the settings; a key must be configured
     * @param loader   the application's class loader, for a key given as a resource
     * @throws IllegalArgumentException if the key cannot be read
     */
    public JwtVerifier(JwtSettings settings, ClassLoader loader) {
        this.settings = settings;
        this.keys = VerificationKeys.load(settings, loader);
    }

    /** The settings this verifier applies. */
    public JwtSettings settings() {
        return settings;
    }

    /**
     * Verifies a token.
     *
     * @param token the compact serialization
     * @return the verified token
     * @throws TokenRejected with a reason safe to log
     */
    public VerifiedToken verify(String token) throws TokenRejected {
        return verify(token, Instant.now());
    }

    /** {@link #verify(String)} at a given instant: the seam for tests of the time checks. */
    VerifiedToken verify(String token, Instant now) throws TokenRejected {
        if (token.length() > settings.maxTokenLength()) {
            throw new TokenRejected("token longer than " + settings.maxTokenLength() + " characters");
        }
        SignedJWT jwt = signed(token);
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!settings.algorithms().contains(algorithm)) {
            throw new TokenRejected("algorithm not accepted");
        }
        checkSignature(jwt);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejected("claims are not a JSON object");
        }
        checkClaims(claims, now);
        return new VerifiedToken(token, claims);
    }

    private static SignedJWT signed(String token) throws TokenRejected {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejected("not a well-formed JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new TokenRejected("unsigned token (alg none)");
        }
        if (jwt instanceof EncryptedJWT) {
            throw new TokenRejected("encrypted token (JWE) where a signed one (JWS) is expected");
        }
        return (SignedJWT) jwt;
    }

    private void checkSignature(SignedJWT jwt) throws TokenRejected {
        List<JWK> candidates;
        try {
            candidates = keys.candidates(jwt.getHeader());
        } catch (KeySourceException e) {
            throw new TokenRejected("the key set cannot be fetched");
        }
        if (candidates.isEmpty()) {
            throw new TokenRejected("no key for the token's kid and algorithm");
        }
        for (JWK key : candidates) {
            try {
                if (jwt.verify(verifiers.createJWSVerifier(jwt.getHeader(), ((AsymmetricJWK) key).toPublicKey()))) {
                    return;
                }
            } catch (JOSEException | RuntimeException e) {
                // a key that cannot check this signature (wrong curve, critical header): try the next
            }
        }
        throw new TokenRejected("bad signature");
    }

    private void checkClaims(JWTClaimsSet claims, Instant now) throws TokenRejected {
        long skew = settings.clockSkewSeconds();
        Date expires = date(claims, "exp");
        if (expires == null) {
            throw new TokenRejected("no exp claim");
        }
        if (!now.isBefore(expires.toInstant().plusSeconds(skew))) {
            throw new TokenRejected("expired");
        }
        Date notBefore = date(claims, "nbf");
        if (notBefore != null && now.isBefore(notBefore.toInstant().minusSeconds(skew))) {
            throw new TokenRejected("not valid yet (nbf)");
        }
        Date issuedAt = date(claims, "iat");
        if (issuedAt != null && now.isBefore(issuedAt.toInstant().minusSeconds(skew))) {
            throw new TokenRejected("issued in the future (iat)");
        }
        if (settings.tokenAgeSeconds() > 0
                && (issuedAt == null
                        || now.isAfter(issuedAt.toInstant().plusSeconds(settings.tokenAgeSeconds() + skew)))) {
            throw new TokenRejected("older than mp.jwt.verify.token.age");
        }
        if (settings.issuer().isPresent() && !settings.issuer().get().equals(string(claims, "iss"))) {
            throw new TokenRejected("wrong issuer");
        }
        if (!settings.audiences().isEmpty()) {
            List<String> audience = claims.getAudience();
            if (audience == null || Collections.disjoint(audience, settings.audiences())) {
                throw new TokenRejected("wrong audience");
            }
        }
        if (VerifiedToken.nameOf(claims) == null) {
            throw new TokenRejected("no upn, preferred_username or sub claim");
        }
    }

    private static Date date(JWTClaimsSet claims, String name) throws TokenRejected {
        try {
            return claims.getDateClaim(name);
        } catch (ParseException e) {
            throw new TokenRejected(name + " is not a number");
        }
    }

    private static String string(JWTClaimsSet claims, String name) throws TokenRejected {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new TokenRejected(name + " is not a string");
        }
    }
}
