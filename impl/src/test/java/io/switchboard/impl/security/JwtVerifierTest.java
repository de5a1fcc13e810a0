package io.switchboard.impl.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.tck.security.tokens.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way MP-JWT lets a deployment name its key, verified against real signed tokens, and the MP-JWT view of a
 * verified token. (The handshake scenarios cover tokens over sockets; this covers key formats and locations.)
 */
class JwtVerifierTest {

    private static JwtSettings settings(Optional<String> key, Optional<String> location, long tokenAge) {
        return VerifierSettings.of(
                key,
                location,
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                5,
                tokenAge,
                false,
                JwtSettings.DEFAULT_KEY_REFETCH_INTERVAL);
    }

    private static JwtVerifier inline(String key) {
        return new JwtVerifier(settings(Optional.of(key), Optional.empty(), 0), JwtVerifierTest.class.getClassLoader());
    }

    private static JwtVerifier at(String location, ClassLoader loader) {
        return new JwtVerifier(settings(Optional.empty(), Optional.of(location), 0), loader);
    }

    private static void verifiesBoth(JwtVerifier verifier) throws TokenRejected {
        assertThat(verifier.verify(TestTokens.forUser("alice", "chat").sign()).getName())
                .isEqualTo("alice");
        assertThatThrownBy(() ->
                        verifier.verify(TestTokens.forUser("alice").forged().sign()))
                .hasMessage("bad signature");
    }

    @Test
    void inlinePemJwkJwksAndBase64() throws TokenRejected {
        verifiesBoth(inline(TestTokens.rsaPublicPem()));
        verifiesBoth(inline(TestTokens.jwks()));
        verifiesBoth(inline(Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(TestTokens.jwks().getBytes(StandardCharsets.UTF_8))));
        String pemBody =
                TestTokens.rsaPublicPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        verifiesBoth(inline(pemBody));
        // A PEM key has no kid: it stands for any kid the token names.
        assertThat(inline(TestTokens.rsaPublicPem())
                        .verify(TestTokens.forUser("bob").kid("rotated-7").sign())
                        .getName())
                .isEqualTo("bob");
        // ES256 from the JWKS; not from a PEM that holds only the RSA key.
        assertThat(inline(TestTokens.jwks())
                        .verify(TestTokens.forUser("carol").ec().sign())
                        .getName())
                .isEqualTo("carol");
        assertThatThrownBy(() -> inline(TestTokens.rsaPublicPem())
                        .verify(TestTokens.forUser("carol").ec().sign()))
                .hasMessage("no key for the token's kid and algorithm");
    }

    @Test
    void fileClasspathAndHttpLocations(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("key.pem"), TestTokens.rsaPublicPem());
        verifiesBoth(at(pem.toString(), getClass().getClassLoader()));
        verifiesBoth(at(pem.toUri().toString(), getClass().getClassLoader()));
        Files.createDirectories(dir.resolve("META-INF"));
        Files.writeString(dir.resolve("META-INF/jwks.json"), TestTokens.jwks());
        try (URLClassLoader application =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            verifiesBoth(at("META-INF/jwks.json", application));
            verifiesBoth(at("classpath:/META-INF/jwks.json", application));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            byte[] body = TestTokens.jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            verifiesBoth(at(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
                    getClass().getClassLoader()));
            JwtVerifier unreachable = at(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/missing",
                    getClass().getClassLoader());
            assertThatThrownBy(
                            () -> unreachable.verify(TestTokens.forUser("alice").sign()))
                    .hasMessage("the key set cannot be fetched");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreadableKeysNameTheKeyNotTheirContent() {
        assertThatThrownBy(() -> inline("{\"kty\":\"RSA\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mp.jwt.verify.publickey is not a PEM public key");
        assertThatThrownBy(() -> at("classpath:/nothing-here.pem", getClass().getClassLoader()))
                .hasMessageContaining("cannot be read: no such file or resource");
    }

    @Test
    void tokenAgeLimitsHowLongAgoATokenWasIssued() throws TokenRejected, IOException {
        JwtVerifier young = new JwtVerifier(
                settings(Optional.of(TestTokens.jwks()), Optional.empty(), 60),
                getClass().getClassLoader());
        assertThat(young.verify(TestTokens.forUser("dan").sign()).getName()).isEqualTo("dan");
        assertThatThrownBy(() -> young.verify(TestTokens.forUser("dan")
                        .issuedIn(Duration.ofMinutes(-5))
                        .sign()))
                .hasMessage("older than mp.jwt.verify.token.age");
    }

    @Test
    void aVerifiedTokenReadsAsMpJwtSays() throws TokenRejected {
        String raw = TestTokens.forUser("erin", "chat", "admin")
                .claim("preferred_username", "Erin")
                .claim("settings", java.util.Map.of("theme", "dark"))
                .sign();
        JsonWebToken token = inline(TestTokens.jwks()).verify(raw);
        assertThat(token.getName()).isEqualTo("erin"); // upn before preferred_username
        assertThat(token.getRawToken()).isEqualTo(raw);
        assertThat(token.getGroups()).containsExactlyInAnyOrder("chat", "admin");
        assertThat(token.getAudience()).containsExactly(TestTokens.AUDIENCE);
        assertThat(token.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(token.getExpirationTime()).isGreaterThan(token.getIssuedAtTime());
        assertThat(token.<Object>getClaim("tenant")).hasToString("\"acme\"");
        assertThat(token.<jakarta.json.JsonObject>getClaim("settings").getString("theme"))
                .isEqualTo("dark");
        assertThat(token.getClaimNames()).contains("raw_token", "upn", "groups", "tenant");
        assertThat(token.toString()).doesNotContain(raw.substring(raw.lastIndexOf('.') + 1));
    }
}
