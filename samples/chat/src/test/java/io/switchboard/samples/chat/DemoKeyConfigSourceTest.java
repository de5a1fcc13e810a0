package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo key reaches {@code mp.jwt.verify.*} only in demo mode, and verifies the tokens the demo signs. */
class DemoKeyConfigSourceTest {

    private final DemoKeyConfigSource source = new DemoKeyConfigSource();

    @AfterEach
    void demoModeOff() {
        System.clearProperty("chat.demo");
    }

    @Test
    void holdsNothingOutsideDemoMode() {
        System.setProperty("chat.demo", "false");
        assertThat(source.getValue("mp.jwt.verify.publickey")).isNull();
        assertThat(source.getValue("mp.jwt.verify.issuer")).isNull();
        assertThat(source.getValue("mp.jwt.verify.clock.skew")).isNull();
        assertThat(source.getPropertyNames()).isEmpty();
        assertThat(source.getProperties()).isEmpty();
    }

    @Test
    void inDemoModeItsPublicKeyVerifiesDemoTokens() throws Exception {
        System.setProperty("chat.demo", "true");
        assertThat(source.getPropertyNames())
                .containsExactlyInAnyOrder(
                        "mp.jwt.verify.publickey", "mp.jwt.verify.issuer", "mp.jwt.verify.clock.skew");
        assertThat(source.getValue("mp.jwt.verify.clock.skew")).isEqualTo("2");
        RSAKey publicKey = RSAKey.parse(source.getValue("mp.jwt.verify.publickey"));
        assertThat(publicKey.isPrivate()).isFalse();

        SignedJWT token = SignedJWT.parse(DemoKey.sign("alice", List.of("chat"), DemoKey.LIFETIME));
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.verify(new RSASSAVerifier(publicKey))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(source.getValue("mp.jwt.verify.issuer"));
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(token.getJWTClaimsSet().getStringClaim("upn")).isEqualTo("alice");
        assertThat(token.getJWTClaimsSet().getStringListClaim("groups")).containsExactly("chat");
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
        assertThat(token.getJWTClaimsSet().getJWTID()).isNotBlank();
    }
}
