package io.switchboard.samples.chat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The demo mode's signing key: an RSA key pair made when first needed and kept only in memory, so tokens it signed
 * are worthless after a restart. For local runs only; a real deployment gets its tokens from an identity provider.
 *
 * <p>Demo mode is on when the system property {@code chat.demo} (or the environment variable {@code CHAT_DEMO}) is
 * {@code true}; {@code -Prun} sets it. It is read from there rather than from MicroProfile Config because
 * {@link DemoKeyConfigSource}, a source of that Config, needs it too.
 */
final class DemoKey {

    /** The issuer of demo tokens, required of every token while demo mode is on. */
    static final String ISSUER = "switchboard-chat-demo";

    /** How long a demo token lasts. */
    static final Duration LIFETIME = Duration.ofHours(1);

    private DemoKey() {}

    /** Whether demo mode is on. */
    static boolean enabled() {
        String flag = System.getProperty("chat.demo", System.getenv("CHAT_DEMO"));
        return Boolean.parseBoolean(flag);
    }

    /** The public half as a JWK, for {@code mp.jwt.verify.publickey}. */
    static String publicJwk() {
        return Holder.KEY.toPublicJWK().toJSONString();
    }

    /**
     * Signs an RS256 token for a user: {@code sub} and {@code upn} are the name, {@code groups} the roles.
     *
     * @param user   the user's name
     * @param groups the roles, {@code chat} to be let in
     * @param lifetime how long until it expires
     * @return the compact JWT
     */
    static String sign(String user, List<String> groups, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .claim("upn", user)
                .claim("groups", groups)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(Holder.KEY.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(Holder.KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a demo token", e);
        }
        return jwt.serialize();
    }

    /** Makes the key on first use, once per class loader: the token servlet and the config source share it. */
    private static final class Holder {
        static final RSAKey KEY = generate();

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048)
                        .keyID("chat-demo-" + UUID.randomUUID())
                        .generate();
            } catch (JOSEException e) {
                throw new IllegalStateException("Could not make the demo key", e);
            }
        }
    }
}
