package io.switchboard.bench.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Bearer tokens for the handshake checks: an RSA key pair made for the run (RS256, MicroProfile JWT's default), its
 * public key written as a PEM file for the server's {@code mp.jwt.verify.publickey.location}, and a pool of distinct
 * signed tokens (each its own {@code sub} and {@code jti}, {@code groups} holding the role, an hour or more to live).
 * Switchboard keeps no cache of verified tokens, so each handshake verifies its token's signature whichever of the
 * pool it carries; a pool spares the load generator a signature per connection.
 */
public final class BenchTokens {

    private final List<String> tokens;
    private final Path publicKey;

    private BenchTokens(List<String> tokens, Path publicKey) {
        this.tokens = tokens;
        this.publicKey = publicKey;
    }

    /**
     * @param dir      where the public key's PEM file goes
     * @param role     the role in each token's {@code groups}
     * @param count    distinct tokens in the pool
     * @param lifetime how long they stay valid
     */
    public static BenchTokens create(Path dir, String role, int count, Duration lifetime) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Path pem = dir.resolve("bench-public-key.pem").toAbsolutePath();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPublic().getEncoded());
            Files.writeString(
                    pem,
                    "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n",
                    StandardCharsets.US_ASCII);
            RSASSASigner signer = new RSASSASigner((RSAPrivateKey) pair.getPrivate());
            Instant now = Instant.now();
            List<String> tokens = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader(JWSAlgorithm.RS256),
                        new JWTClaimsSet.Builder()
                                .subject("bench-" + i)
                                .claim("upn", "bench-" + i)
                                .claim("groups", List.of(role))
                                .jwtID(UUID.randomUUID().toString())
                                .issueTime(Date.from(now))
                                .expirationTime(Date.from(now.plus(lifetime)))
                                .build());
                jwt.sign(signer);
                tokens.add(jwt.serialize());
            }
            return new BenchTokens(List.copyOf(tokens), pem);
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException("Cannot make the bench's tokens", e);
        }
    }

    /** The public key's PEM file. */
    public Path publicKey() {
        return publicKey;
    }

    /** The i-th connection's token (the pool, round and round). */
    public String token(int i) {
        return tokens.get(Math.floorMod(i, tokens.size()));
    }

    /** Distinct tokens in the pool. */
    public int size() {
        return tokens.size();
    }
}
