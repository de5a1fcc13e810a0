package io.switchboard.tck.security.tokens;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keys and tokens for the security tests: an RSA and an EC key the deployments trust (published to them as a JWKS
 * in {@code mp.jwt.verify.publickey}), an RSA key they do not, and a builder for good and bad tokens. Keys are made
 * once per JVM, so the client side of a test and the deployment it configures agree.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.switchboard.test";
    public static final String AUDIENCE = "switchboard-tests";
    /** The subprotocol marker of the browser route (the default). */
    public static final String MARKER = "switchboard.bearer";

    private static final RSAKey RSA = generateRsa("rsa-1");
    private static final ECKey EC = generateEc("ec-1");
    /** Same kid as the trusted RSA key, different key: a forger's. */
    private static final RSAKey FORGER = generateRsa("rsa-1");
    /** The key an identity provider rotates to: trusted only once a key set publishes it. */
    private static final RSAKey ROTATED = generateRsa("rsa-2");

    private TestTokens() {}

    /**
     * The MicroProfile Config properties a deployment needs to trust these keys.
     *
     * @param clockSkewSeconds {@code mp.jwt.verify.clock.skew}
     * @param algorithm        {@code mp.jwt.verify.publickey.algorithm}: RS256 or ES256 (MP-JWT takes one)
     * @return the properties
     */
    public static Map<String, String> config(long clockSkewSeconds, String algorithm) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey", jwks());
        config.put("mp.jwt.verify.publickey.algorithm", algorithm);
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("mp.jwt.verify.audiences", AUDIENCE);
        config.put("mp.jwt.verify.clock.skew", String.valueOf(clockSkewSeconds));
        return config;
    }

    /** The trusted RSA public key, PEM-encoded. */
    public static String rsaPublicPem() {
        try {
            byte[] der = RSA.toRSAPublicKey().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n"
                    + java.util.Base64.getMimeEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trusted keys as a JWKS document. */
    public static String jwks() {
        return new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString();
    }

    /** The key set after a rotation: only the rotated RSA key ({@code kid} {@code rsa-2}). */
    public static String rotatedJwks() {
        return new JWKSet(ROTATED.toPublicJWK()).toString();
    }

    /**
     * A good token for a user: RS256, the right issuer and audience, valid for ten minutes.
     *
     * @param user   {@code upn}
     * @param groups {@code groups}
     * @return a builder to change it
     */
    public static Builder forUser(String user, String... groups) {
        return new Builder(user, groups);
    }

    /** Builds one token; each method changes one thing. */
    public static final class Builder {
        private final JWTClaimsSet.Builder claims;
        private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        private String kid = "rsa-1";
        private boolean forged;
        private boolean rotated;

        private Builder(String user, String[] groups) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .audience(AUDIENCE)
                    .subject(user)
                    .claim("upn", user)
                    .claim("groups", List.of(groups))
                    .claim("tenant", "acme")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                    .jwtID(UUID.randomUUID().toString());
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Builder without(String name) {
            claims.claim(name, null);
            return this;
        }

        public Builder expiresIn(Duration duration) {
            claims.expirationTime(Date.from(Instant.now().plus(duration)));
            return this;
        }

        public Builder notBefore(Duration fromNow) {
            claims.notBeforeTime(Date.from(Instant.now().plus(fromNow)));
            return this;
        }

        public Builder issuedIn(Duration fromNow) {
            claims.issueTime(Date.from(Instant.now().plus(fromNow)));
            return this;
        }

        /** Signs with the trusted EC key (ES256). */
        public Builder ec() {
            algorithm = JWSAlgorithm.ES256;
            kid = "ec-1";
            return this;
        }

        /** Signs with the key of {@link #rotatedJwks()}, under its kid. */
        public Builder rotated() {
            rotated = true;
            kid = "rsa-2";
            return this;
        }

        /** Signs with a key the server does not trust, under the trusted key's kid. */
        public Builder forged() {
            forged = true;
            return this;
        }

        public Builder kid(String keyId) {
            kid = keyId;
            return this;
        }

        public JWTClaimsSet claims() {
            return claims.build();
        }

        /** The signed token, compact. */
        public String sign() {
            JWSHeader header = new JWSHeader.Builder(algorithm)
                    .keyID(kid)
                    .type(JOSEObjectType.JWT)
                    .build();
            return signWith(
                    header,
                    algorithm == JWSAlgorithm.ES256
                            ? ecSigner()
                            : rsaSigner(forged ? FORGER : rotated ? ROTATED : RSA));
        }

        /** Signed with the trusted key, but claiming another algorithm in the header (RS512). */
        public String signedAs(JWSAlgorithm claimed) {
            JWSHeader header = new JWSHeader.Builder(claimed).keyID(kid).build();
            return signWith(header, rsaSigner(RSA));
        }

        /** Signed with a forger's key that the header carries as {@code jwk}, hoping it is trusted. */
        public String withEmbeddedForgerKey() {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .jwk(FORGER.toPublicJWK())
                    .build();
            return signWith(header, rsaSigner(FORGER));
        }

        /** Signed with a critical header parameter no one understands. */
        public String withUnknownCriticalHeader() {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(kid)
                    .criticalParams(java.util.Set.of("x-must-understand"))
                    .customParam("x-must-understand", true)
                    .build();
            return signWith(header, rsaSigner(RSA));
        }

        /** Unsigned: {@code alg: none}. */
        public String unsigned() {
            return new PlainJWT(claims.build()).serialize();
        }

        /** HS256 with the trusted RSA public key's bytes as the HMAC secret: the classic key-confusion attack. */
        public String hmacWithPublicKey() {
            try {
                byte[] secret = RSA.toRSAPublicKey().getEncoded();
                return signWith(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), new MACSigner(secret));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Encrypted to the trusted RSA key (a JWE), where a signed token is expected. */
        public String encrypted() {
            try {
                EncryptedJWT jwt = new EncryptedJWT(
                        new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM), claims.build());
                jwt.encrypt(new RSAEncrypter(RSA.toRSAPublicKey()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private String signWith(JWSHeader header, JWSSigner signer) {
            try {
                SignedJWT jwt = new SignedJWT(header, claims.build());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A token whose payload is replaced by other bytes, signed properly: a valid signature over claims that are
     * not a JSON object.
     *
     * @param payload the payload bytes
     * @return the token
     */
    public static String signedPayload(String payload) {
        try {
            JWSHeader header =
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build();
            String signingInput =
                    header.toBase64URL() + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8));
            Base64URL signature = new RSASSASigner(RSA).sign(header, signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner ecSigner() {
        try {
            return new ECDSASigner(EC);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
