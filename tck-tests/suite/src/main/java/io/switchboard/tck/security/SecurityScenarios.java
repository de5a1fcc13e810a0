package io.switchboard.tck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.security.tokens.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoint security over real sockets: bearer tokens from the header and the subprotocol, roles, origins, token
 * expiry, hostile tokens, and per-user limits. Deployments run with {@link SecurityConfig}.
 */
public abstract class SecurityScenarios {

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /**
     * Whether handshakes pass Switchboard's filter (servlet containers): the container's own
     * {@code Session.getUserPrincipal()} is then the token.
     */
    protected abstract boolean servletContainer();

    protected URI uri(String path) {
        return base().resolve(path);
    }

    protected String probe(String command) {
        try (TestClient probe = TestClient.connect(uri("security-probe"))) {
            return probe.ask(command);
        }
    }

    protected static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    protected int status(String path, List<String> lines) throws IOException {
        try (RawClient client = RawClient.handshake(uri(path), lines)) {
            return client.status();
        }
    }

    @BeforeEach
    void nothingLeftOver() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
    }

    @Test
    void headerTokenConnectsAsItsUserWithItsClaims() {
        String token = TestTokens.forUser("alice", "chat", "users").sign();
        try (TestClient alice = TestClient.connect(uri("secure/chat"), bearer(token))) {
            String who = alice.ask("whoami");
            assertThat(who).contains("tracked=alice", "tenant=acme", "groups=chat,users", "parameter=alice");
            if (servletContainer()) {
                assertThat(who).contains("session=alice");
            }
            assertThat(alice.ask("hi")).isEqualTo("echo:hi");
        }
    }

    @Test
    void subprotocolTokenConnectsAndTheServerSelectsTheMarkerNeverTheToken() throws IOException {
        String token = TestTokens.forUser("bob", "chat").sign();
        try (TestClient bob = TestClient.connect(uri("secure/chat"), TestTokens.MARKER, token)) {
            assertThat(bob.subprotocol()).isEqualTo(TestTokens.MARKER);
            assertThat(bob.ask("whoami")).contains("tracked=bob");
        }
        try (RawClient raw = RawClient.handshake(
                uri("secure/chat"), List.of("Sec-WebSocket-Protocol: " + TestTokens.MARKER + ", " + token))) {
            assertThat(raw.status()).isEqualTo(101);
            assertThat(raw.header("Sec-WebSocket-Protocol")).isEqualTo(TestTokens.MARKER);
        }
    }

    @Test
    void noTokenGets401BeforeTheUpgradeAndTheEndpointNeverRuns() throws IOException {
        String opened = probe("opened");
        try (RawClient client = RawClient.handshake(uri("secure/chat"), List.of())) {
            assertThat(client.status()).isEqualTo(401);
            assertThat(client.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThatThrownBy(() -> TestClient.connect(uri("secure/chat")))
                .isInstanceOfSatisfying(
                        TestClient.HandshakeRefused.class,
                        e -> assertThat(e.status()).isEqualTo(401));
        assertThat(probe("opened")).isEqualTo(opened);
        assertThat(probe("count")).isEqualTo("0");
    }

    @Test
    void rolesDecide403s() throws IOException {
        String chatter = TestTokens.forUser("dave", "chat").sign();
        String admin = TestTokens.forUser("erin", "admin").sign();
        String opened = probe("opened");
        assertThat(status("secure/admin", List.of("Authorization: Bearer " + chatter)))
                .isEqualTo(403);
        assertThat(status("secure/closed", List.of("Authorization: Bearer " + admin)))
                .isEqualTo(403);
        assertThat(status("secure/closed", List.of())).isEqualTo(403);
        assertThat(status("secure/members", List.of())).isEqualTo(401);
        assertThat(probe("opened")).isEqualTo(opened);
        try (TestClient erin = TestClient.connect(uri("secure/admin"), bearer(admin))) {
            assertThat(erin.ask("x")).isEqualTo("admin:x");
        }
        try (TestClient dave = TestClient.connect(uri("secure/members"), bearer(chatter))) {
            assertThat(dave.ask("x")).isEqualTo("member:x");
        }
        try (TestClient anyone = TestClient.connect(uri("secure/permitted"))) {
            assertThat(anyone.ask("x")).isEqualTo("permitted:x");
        }
    }

    @Test
    void openEndpointsAdmitAnonymousPeersButNotBadTokens() throws IOException {
        try (TestClient anonymous = TestClient.connect(uri("secure/public"))) {
            assertThat(anonymous.ask("whoami")).contains("tracked=-");
        }
        String token = TestTokens.forUser("frank").sign();
        try (TestClient frank = TestClient.connect(uri("secure/public"), bearer(token))) {
            assertThat(frank.ask("whoami")).contains("tracked=frank");
        }
        String expired =
                TestTokens.forUser("frank").expiresIn(Duration.ofMinutes(-10)).sign();
        assertThat(status("secure/public", List.of("Authorization: Bearer " + expired)))
                .isEqualTo(401);
    }

    @Test
    void originsOutsideTheAllowedListGet403() throws IOException {
        assertThat(status("secure/origin", List.of("Origin: https://evil.example.net")))
                .isEqualTo(403);
        assertThat(status("secure/origin", List.of("Origin: https://app.example.com.evil.example.net")))
                .isEqualTo(403);
        assertThat(status("secure/origin", List.of("Origin: null"))).isEqualTo(403);
        assertThat(status("secure/origin", List.of("Origin: " + SecurityConfig.ALLOWED_ORIGIN)))
                .isEqualTo(101);
        assertThat(status("secure/origin", List.of("Origin: HTTPS://APP.EXAMPLE.COM")))
                .isEqualTo(101);
        assertThat(status("secure/origin", List.of())).isEqualTo(101); // not a browser
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
    }

    @Test
    void aSessionEndsWith1008WhenItsTokenExpires() {
        String token = TestTokens.forUser("gina", "chat")
                .expiresIn(Duration.ofSeconds(2))
                .sign();
        try (TestClient gina = TestClient.connect(uri("secure/chat"), bearer(token))) {
            assertThat(gina.ask("hi")).isEqualTo("echo:hi");
            TestClient.Closed closed = gina.awaitClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Token expired");
        }
    }

    /**
     * A token that expires while a streamed message is half sent: the endpoint's read waits for the rest (Tyrus calls
     * it on the first frame), and the session still ends with 1008 within the clock skew and a sweep or so. The read
     * that then fails is no server error.
     */
    @Test
    void aTokenThatExpiresWhileAStreamedMessageIsHalfSentStillEndsTheSession() throws IOException {
        Instant expiry = Instant.now().plusSeconds(2);
        String token = TestTokens.forUser("hank", "chat")
                .expiresIn(Duration.ofSeconds(2))
                .sign();
        try (RawClient hank = RawClient.handshake(uri("secure/stream"), List.of("Authorization: Bearer " + token))) {
            assertThat(hank.status()).isEqualTo(101);
            hank.sendTextFrame("the first half of a message that never ends", false);
            Instant latest = expiry.plusSeconds(SecurityConfig.CLOCK_SKEW_SECONDS + 3);
            RawClient.Frame close = nextNonPing(hank, latest);
            assertThat(close.opcode()).as("a close frame by %s", latest).isEqualTo(8);
            assertThat(close.closeCode()).isEqualTo(1008);
            assertThat(close.closeReason()).isEqualTo("Token expired");
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
        String token2 = TestTokens.forUser("hank", "chat").sign();
        try (TestClient reporter = TestClient.connect(uri("secure/stream"), bearer(token2))) {
            // Tyrus's read failed once the session closed; Undertow buffers the whole message and never called it.
            assertThat(reporter.ask("report")).doesNotContain("server_error").doesNotContain("read:");
        }
    }

    private static RawClient.Frame nextNonPing(RawClient client, Instant latest) throws IOException {
        while (true) {
            long left = Duration.between(Instant.now(), latest).toMillis();
            if (left <= 0) {
                throw new AssertionError("no close frame by " + latest);
            }
            RawClient.Frame frame = client.readFrame((int) left);
            if (frame.opcode() != 9) {
                return frame;
            }
            client.sendPong(frame.payload()); // alive: only the token may end the session
        }
    }

    /** The hostile requests: each must be refused with the status given, and nothing of it may remain. */
    protected Map<String, Map.Entry<Integer, List<String>>> hostileRequests() {
        TestTokens.Builder good = TestTokens.forUser("mallory", "chat");
        String valid = good.sign();
        Map<String, Map.Entry<Integer, List<String>>> cases = new LinkedHashMap<>();
        cases.put("no token", unauthorized(List.of()));
        cases.put("alg none", header(good.unsigned()));
        cases.put(
                "HS256 signed with the public key as secret",
                header(TestTokens.forUser("mallory", "chat").hmacWithPublicKey()));
        cases.put(
                "wrong issuer",
                header(TestTokens.forUser("mallory", "chat")
                        .claim("iss", "https://evil.example.net")
                        .sign()));
        cases.put(
                "wrong audience",
                header(TestTokens.forUser("mallory", "chat")
                        .claim("aud", "someone-else")
                        .sign()));
        cases.put(
                "expired",
                header(TestTokens.forUser("mallory", "chat")
                        .expiresIn(Duration.ofMinutes(-10))
                        .sign()));
        cases.put(
                "nbf an hour ahead",
                header(TestTokens.forUser("mallory", "chat")
                        .notBefore(Duration.ofHours(1))
                        .sign()));
        cases.put(
                "iat an hour ahead",
                header(TestTokens.forUser("mallory", "chat")
                        .issuedIn(Duration.ofHours(1))
                        .sign()));
        cases.put(
                "signed by another key under the trusted kid",
                header(TestTokens.forUser("mallory", "chat").forged().sign()));
        cases.put("truncated", header(valid.substring(0, valid.length() - 12)));
        cases.put("signature stripped", header(valid.substring(0, valid.lastIndexOf('.') + 1)));
        cases.put("two segments", header(valid.substring(0, valid.lastIndexOf('.'))));
        cases.put("header not JSON", header("aGVsbG8." + valid.substring(valid.indexOf('.') + 1)));
        cases.put("claims not a JSON object", header(TestTokens.signedPayload("[\"chat\"]")));
        cases.put("claims not JSON at all", header(TestTokens.signedPayload("hello")));
        cases.put("garbage", header("not-a-token"));
        cases.put("64 KiB token", header(valid + "A".repeat(64 * 1024)));
        cases.put(
                "unknown kid",
                header(TestTokens.forUser("mallory", "chat").kid("nope").sign()));
        cases.put(
                "kid path traversal",
                header(TestTokens.forUser("mallory", "chat")
                        .kid("../../../etc/passwd")
                        .sign()));
        cases.put(
                "no exp",
                header(TestTokens.forUser("mallory", "chat").without("exp").sign()));
        cases.put(
                "no subject at all",
                header(TestTokens.forUser("mallory", "chat")
                        .without("upn")
                        .without("sub")
                        .sign()));
        cases.put(
                "groups not a list of strings",
                header(TestTokens.forUser("mallory").claim("groups", 42).sign()));
        cases.put(
                "JWE where a JWS is expected",
                header(TestTokens.forUser("mallory", "chat").encrypted()));
        cases.put(
                "ES256 where RS256 is configured",
                header(TestTokens.forUser("mallory", "chat").ec().sign()));
        cases.put(
                "header claims RS512 over an RS256 signature",
                header(TestTokens.forUser("mallory", "chat").signedAs(JWSAlgorithm.RS512)));
        cases.put(
                "forger's key embedded as jwk",
                header(TestTokens.forUser("mallory", "chat").withEmbeddedForgerKey()));
        cases.put(
                "unknown critical header",
                header(TestTokens.forUser("mallory", "chat").withUnknownCriticalHeader()));
        cases.put(
                "two Authorization headers",
                unauthorized(List.of("Authorization: Bearer " + valid, "Authorization: Bearer " + valid)));
        cases.put("empty bearer", unauthorized(List.of("Authorization: Bearer ")));
        cases.put("Basic credentials", unauthorized(List.of("Authorization: Basic bWFsbG9yeTpzZWNyZXQ=")));
        cases.put(
                "header and subprotocol disagree",
                unauthorized(List.of(
                        "Authorization: Bearer " + valid,
                        "Sec-WebSocket-Protocol: " + TestTokens.MARKER + ", "
                                + TestTokens.forUser("trudy", "chat").sign())));
        cases.put("marker without a token", unauthorized(List.of("Sec-WebSocket-Protocol: " + TestTokens.MARKER)));
        cases.put(
                "marker twice",
                unauthorized(List.of("Sec-WebSocket-Protocol: " + TestTokens.MARKER + ", " + valid + ", "
                        + TestTokens.MARKER + ", " + valid)));
        cases.put("token in the query, which is off", unauthorizedAt("?access_token=" + valid, List.of()));
        cases.put("token in a cookie, which is off", unauthorized(List.of("Cookie: Bearer=" + valid)));
        cases.put(
                "valid token, wrong role",
                Map.entry(
                        403,
                        List.of("Authorization: Bearer "
                                + TestTokens.forUser("mallory", "guests").sign())));
        return cases;
    }

    private static Map.Entry<Integer, List<String>> header(String token) {
        return unauthorized(List.of("Authorization: Bearer " + token));
    }

    private static Map.Entry<Integer, List<String>> unauthorized(List<String> lines) {
        return Map.entry(401, lines);
    }

    /** A case whose request goes to a query string: the path suffix rides in the first line. */
    private static Map.Entry<Integer, List<String>> unauthorizedAt(String query, List<String> lines) {
        List<String> withQuery = new ArrayList<>(lines);
        withQuery.add(0, QUERY_PREFIX + query);
        return Map.entry(401, withQuery);
    }

    /** Marks the first line of a case as the query to append to the path, not a header. */
    protected static final String QUERY_PREFIX = "@query:";

    @Test
    void hostileTokensAndRequestsAreAllRefusedAndLeaveNothing() throws IOException {
        String opened = probe("opened");
        Map<String, Map.Entry<Integer, List<String>>> cases = hostileRequests();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        Map<String, Integer> wrong = new LinkedHashMap<>();
        for (Map.Entry<String, Map.Entry<Integer, List<String>>> c : cases.entrySet()) {
            List<String> lines = new ArrayList<>(c.getValue().getValue());
            String path = "secure/chat";
            if (!lines.isEmpty() && lines.get(0).startsWith(QUERY_PREFIX)) {
                path += lines.remove(0).substring(QUERY_PREFIX.length());
            }
            int status = status(path, lines);
            boolean ok = status == c.getValue().getKey()
                    // A container may refuse an oversized header itself, before any filter runs.
                    || (c.getKey().startsWith("64 KiB")
                            && (status == 400 || status == 413 || status == 431 || status == -1));
            if (!ok) {
                wrong.put(c.getKey(), status);
            }
        }
        assertThat(wrong).as("cases answered with the wrong status").isEmpty();
        assertThat(probe("opened")).isEqualTo(opened);
        assertThat(probe("count")).isEqualTo("0");
    }

    @Test
    void perUserConnectionLimitHoldsAcrossSessionsOfOnePrincipal() {
        String alice = TestTokens.forUser("alice").sign();
        String bob = TestTokens.forUser("bob").sign();
        try (TestClient first = TestClient.connect(uri("secure/per-user"), bearer(alice));
                TestClient second = TestClient.connect(uri("secure/per-user"), bearer(alice));
                TestClient other = TestClient.connect(uri("secure/per-user"), bearer(bob))) {
            assertThat(first.ask("a")).isEqualTo("user:a");
            assertThat(second.ask("b")).isEqualTo("user:b");
            assertThat(other.ask("c")).isEqualTo("user:c");
            // Refused before the upgrade on every container: the endpoint's configurator applies the limits.
            assertThatThrownBy(() -> TestClient.connect(uri("secure/per-user"), bearer(alice)))
                    .isInstanceOfSatisfying(
                            TestClient.HandshakeRefused.class,
                            e -> assertThat(e.status()).isEqualTo(429));
        }
    }

    @Test
    void perUserRateLimitIsSharedByEverySessionOfOnePrincipal() {
        String alice = TestTokens.forUser("alice").sign();
        String bob = TestTokens.forUser("bob").sign();
        try (TestClient first = TestClient.connect(uri("secure/per-user"), bearer(alice));
                TestClient second = TestClient.connect(uri("secure/per-user"), bearer(alice));
                TestClient other = TestClient.connect(uri("secure/per-user"), bearer(bob))) {
            for (int i = 0; i < 4; i++) {
                first.sendText("a" + i);
                second.sendText("b" + i);
            }
            for (int i = 0; i < 5; i++) {
                other.sendText("c" + i);
            }
            List<String> echoed = new ArrayList<>();
            for (TestClient client : List.of(first, second)) {
                String text;
                while ((text = client.nextTextWithin(Duration.ofSeconds(2))) != null) {
                    echoed.add(text);
                }
            }
            assertThat(echoed).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(other.nextText()).isEqualTo("user:c" + i);
            }
        }
    }
}
