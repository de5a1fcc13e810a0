package io.switchboard.impl.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Where a handshake's token is found, on fake requests: each source alone, the same token in two sources, and the
 * ambiguities that refuse the handshake (two headers, two cookies, two different tokens, an empty credential);
 * plus the pure helpers behind them ({@link QueryStrings}, {@link Subprotocols}) and the origin check.
 */
class TokenFinderRefusesAmbiguityTest {

    private static final JwtSettings EVERY_SOURCE = new JwtSettings(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Set.of(),
            0,
            0,
            "Authorization",
            "jwt",
            EnumSet.allOf(TokenSource.class),
            "access_token",
            "bearer-token",
            8192,
            false,
            Duration.ofSeconds(30));

    /** A request of headers (name as written) and a raw query string. */
    private static final class Request implements HandshakeView {
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        String query;

        Request header(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        Request query(String query) {
            this.query = query;
            return this;
        }

        @Override
        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            headers.forEach((key, list) -> {
                if (key.equalsIgnoreCase(name)) {
                    values.addAll(list);
                }
            });
            return values;
        }

        @Override
        public List<String> queryParameters(String name) {
            return QueryStrings.values(query, name);
        }

        @Override
        public Principal containerPrincipal() {
            return null;
        }

        @Override
        public boolean containerRole(String role) {
            return false;
        }
    }

    private static TokenFinder.Found find(Request request) {
        return TokenFinder.find(request, EVERY_SOURCE);
    }

    @Test
    void eachSourceAlone() {
        assertThat(find(new Request().header("authorization", "Bearer abc")))
                .isEqualTo(new TokenFinder.Token("abc", TokenSource.HEADER));
        assertThat(find(new Request().header("Sec-WebSocket-Protocol", "chat, bearer-token, abc")))
                .isEqualTo(new TokenFinder.Token("abc", TokenSource.SUBPROTOCOL));
        assertThat(find(new Request().query("room=1&access_token=a%2Bb")))
                .isEqualTo(new TokenFinder.Token("a+b", TokenSource.QUERY));
        assertThat(find(new Request().header("Cookie", "theme=dark; jwt=\"abc\"")))
                .isEqualTo(new TokenFinder.Token("abc", TokenSource.COOKIE));
        assertThat(find(new Request())).isEqualTo(new TokenFinder.None());
        assertThat(find(new Request().header("Authorization", "Basic dXNlcjpwdw==")))
                .as("another scheme is the container's")
                .isEqualTo(new TokenFinder.None());
    }

    @Test
    void theSameTokenInTwoSourcesIsOneToken() {
        assertThat(find(new Request().header("Authorization", "Bearer abc").query("access_token=abc")))
                .isEqualTo(new TokenFinder.Token("abc", TokenSource.HEADER));
    }

    @Test
    void ambiguityRefuses() {
        assertThat(find(new Request().header("Authorization", "Bearer abc").query("access_token=xyz")))
                .isInstanceOf(TokenFinder.Malformed.class);
        assertThat(find(new Request().header("Authorization", "Bearer abc").header("AUTHORIZATION", "Bearer abc")))
                .isInstanceOf(TokenFinder.Malformed.class);
        assertThat(find(new Request().header("Cookie", "jwt=a").header("Cookie", "jwt=b")))
                .isInstanceOf(TokenFinder.Malformed.class);
        assertThat(find(new Request().query("access_token=a&access_token=a")))
                .isInstanceOf(TokenFinder.Malformed.class);
        assertThat(find(new Request().header("Sec-WebSocket-Protocol", "bearer-token, a, bearer-token, a")))
                .isInstanceOf(TokenFinder.Malformed.class);
    }

    @Test
    void anEmptyCredentialRefuses() {
        assertThat(find(new Request().header("Authorization", "Bearer"))).isInstanceOf(TokenFinder.Malformed.class);
        assertThat(find(new Request().header("Authorization", "Bearer   "))).isInstanceOf(TokenFinder.Malformed.class);
        assertThat(find(new Request().query("access_token="))).isInstanceOf(TokenFinder.Malformed.class);
        assertThat(find(new Request().header("Sec-WebSocket-Protocol", "chat, bearer-token")))
                .isInstanceOf(TokenFinder.Malformed.class);
        assertThat(find(new Request().header("Cookie", "jwt="))).isInstanceOf(TokenFinder.Malformed.class);
    }

    @Test
    void aMalformedReasonNeverQuotesTheRequest() {
        TokenFinder.Found found =
                find(new Request().header("Authorization", "Bearer secret1").query("access_token=secret2"));
        assertThat(((TokenFinder.Malformed) found).reason()).doesNotContain("secret");
    }

    @Test
    void queryStringsDecodeEveryValueInOrder() {
        assertThat(QueryStrings.values("a=1&b=2&a=%20x&a", "a")).containsExactly("1", " x", "");
        assertThat(QueryStrings.values("a%3D=1", "a=")).containsExactly("1");
        assertThat(QueryStrings.values("a=%zz", "a"))
                .as("undecodable, as it is")
                .containsExactly("%zz");
        assertThat(QueryStrings.values(null, "a")).isEmpty();
        assertThat(QueryStrings.values("", "a")).isEmpty();
    }

    @Test
    void subprotocolsWithoutTheMarkerAndItsToken() {
        assertThat(Subprotocols.offered(List.of("a, b", " c "))).containsExactly("a", "b", "c");
        assertThat(Subprotocols.withoutToken(List.of("chat", "bearer-token", "abc", "v2"), "bearer-token"))
                .containsExactly("chat", "v2");
        assertThat(Subprotocols.withoutToken(List.of("chat", "bearer-token"), "bearer-token"))
                .containsExactly("chat");
        assertThat(Subprotocols.withoutToken(List.of("chat"), "bearer-token")).containsExactly("chat");
    }

    @Test
    void originsAreComparedWhole() {
        EndpointSecurity security =
                new EndpointSecurity("chat", EndpointSecurity.Access.OPEN, Set.of(), Set.of("https://app.example.com"));
        assertThat(security.originAllowed(List.of("https://app.example.com"))).isTrue();
        assertThat(security.originAllowed(List.of(" HTTPS://App.Example.com "))).isTrue();
        assertThat(security.originAllowed(List.of()))
                .as("no Origin: not a browser")
                .isTrue();
        assertThat(security.originAllowed(List.of("https://app.example.com.evil.net")))
                .isFalse();
        assertThat(security.originAllowed(List.of("http://app.example.com"))).isFalse();
        assertThat(security.originAllowed(List.of("https://app.example.com", "https://app.example.com")))
                .as("two Origin headers")
                .isFalse();
        EndpointSecurity any = new EndpointSecurity("chat", EndpointSecurity.Access.OPEN, Set.of(), Set.of());
        assertThat(any.originAllowed(List.of("https://anywhere.example"))).isTrue();
    }
}
