package io.switchboard.tck.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.security.tokens.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The opt-in token sources, against a deployment configured with {@link #SOURCES}: a query parameter and a cookie
 * carry tokens as well as the header and the subprotocol, and sources that disagree are refused. The deployment
 * verifies ES256, so these tokens are signed with the EC key.
 */
public abstract class TokenSourceScenarios {

    /** The configuration that turns every source on. */
    public static final Map<String, String> SOURCES = Map.of(
            "switchboard.security.token.sources", "header,subprotocol,query,cookie",
            "mp.jwt.token.cookie", "jwt",
            "mp.jwt.verify.publickey.algorithm", "ES256");

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    private int status(String pathAndQuery, List<String> lines) throws IOException {
        try (RawClient client = RawClient.handshake(base().resolve(pathAndQuery), lines)) {
            return client.status();
        }
    }

    private static String query(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Test
    void aQueryParameterCarriesATokenWhenEnabled() {
        String token = TestTokens.forUser("quinn", "chat").ec().sign();
        try (TestClient quinn = TestClient.connect(base().resolve("secure/chat?access_token=" + query(token)))) {
            assertThat(quinn.ask("whoami")).contains("tracked=quinn");
        }
    }

    @Test
    void anRs256TokenIsRefusedWhereEs256IsConfigured() throws IOException {
        String rsa = TestTokens.forUser("rita", "chat").sign();
        assertThat(status("secure/chat", List.of("Authorization: Bearer " + rsa)))
                .isEqualTo(401);
    }

    @Test
    void aCookieCarriesATokenWhenEnabled() {
        String token = TestTokens.forUser("cora", "chat").ec().sign();
        try (TestClient cora =
                TestClient.connect(base().resolve("secure/chat"), Map.of("Cookie", "theme=dark; jwt=" + token))) {
            assertThat(cora.ask("whoami")).contains("tracked=cora");
        }
    }

    @Test
    void sourcesThatAgreePassAndSourcesThatDisagreeDoNot() throws IOException {
        String token = TestTokens.forUser("sam", "chat").ec().sign();
        String other = TestTokens.forUser("trudy", "chat").ec().sign();
        assertThat(status("secure/chat?access_token=" + query(token), List.of("Authorization: Bearer " + token)))
                .isEqualTo(101);
        assertThat(status("secure/chat?access_token=" + query(other), List.of("Authorization: Bearer " + token)))
                .isEqualTo(401);
        assertThat(status("secure/chat", List.of("Cookie: jwt=" + other, "Authorization: Bearer " + token)))
                .isEqualTo(401);
        assertThat(status("secure/chat?access_token=" + query(token) + "&access_token=" + query(token), List.of()))
                .isEqualTo(401);
        assertThat(status("secure/chat?access_token=", List.of())).isEqualTo(401);
    }
}
