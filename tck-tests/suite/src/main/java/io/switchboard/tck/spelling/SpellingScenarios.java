package io.switchboard.tck.spelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.security.SecurityConfig;
import io.switchboard.tck.security.tokens.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No spelling of a path gets past an endpoint's checks. Containers read a request's path in their own ways (Tyrus
 * percent-decodes each segment, drops {@code ;parameters} and lets an empty segment fill a parameter; Undertow matches
 * the decoded servlet path and accepts a trailing slash after a template), so a guard that guessed the endpoint from
 * the raw path could be walked around. Each request of the corpus goes, without a token, at a guarded, a
 * {@code @DenyAll}, a {@code **} or an address-limited endpoint: none may reach the endpoint's code, and each gets a
 * refusal status or no upgrade. With a token, the plain spellings still connect. Deployments run with
 * {@link #config()}.
 */
public abstract class SpellingScenarios {

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /** Whether handshakes pass Switchboard's filter (servlet containers): remote addresses are then known. */
    protected abstract boolean servletContainer();

    /** The deployment's configuration: the test keys, and {@code **} for {@link AnyUserEndpoint}. */
    public static Map<String, String> config() {
        return SecurityConfig.properties(Map.of("switchboard.AnyUserEndpoint.roles-allowed", "**"));
    }

    /** One request of the corpus: a request-target relative to the deployment, and how the head is written. */
    private record Spelling(String path, Form form) {}

    /** How the request head deviates from a plain upgrade. */
    private enum Form {
        PLAIN,
        HTTP_1_0,
        LOWER_CASE_HEADERS,
        ABSOLUTE_TARGET,
        LOOSE_UPGRADE,
        KEY_WITHOUT_UPGRADE,
        TWO_HOST_HEADERS
    }

    private String probe(String command) {
        try (TestClient probe = TestClient.connect(base().resolve("spelling-probe"))) {
            return probe.ask(command);
        }
    }

    @BeforeEach
    void nothingLeftOver() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe("count")).isEqualTo("0"));
    }

    /** Spellings of the guarded, denied and {@code **} endpoints' paths, and of the overlapping pair's. */
    private static List<Spelling> guardedCorpus() {
        List<Spelling> corpus = new ArrayList<>();
        for (String path : List.of(
                // /spell/secure: percent-encoding of letters (lower and upper hex), of '/', '.', '?', '#', '\', NUL
                "spell/secure",
                "spell/secur%65",
                "spell/%73ecure",
                "sp%65ll/secure",
                "spell/SECURE",
                "Spell/secure",
                "spell%2Fsecure",
                "spell%2fsecure",
                "spell/secure%2F",
                "spell/secure%3Fx",
                "spell/secure%23",
                "spell/secure%00",
                "spell/secure%20",
                "spell%5Csecure",
                "spell\\secure",
                // ;parameters on each segment
                "spell/secure;x",
                "spell/secure;",
                "spell;x/secure",
                "spell;/secure",
                "spell/secure;x=1;y=2",
                // trailing and doubled slashes
                "spell/secure/",
                "spell//secure",
                "/spell/secure",
                "spell/secure//",
                // dot segments, plain and encoded
                "spell/./secure",
                "spell/x/../secure",
                "spell/%2e/secure",
                "spell/%2E%2E/spell/secure",
                "spell/secure/.",
                "./spell/secure",
                "spell/.%2e/spell/secure",
                // query strings and a fragment
                "spell/secure?x=1",
                "spell/secure?",
                "spell/secure?access_token=",
                "spell/secure#x",
                // /spell/chat/{room}: empty parameters, encoded letters, parameters, trailing slash, dots
                "spell/chat/lobby",
                "spell/ch%61t/lobby",
                "spell/chat/",
                "spell/chat//",
                "spell/chat/lobby/",
                "spell/chat/lobby;x",
                "spell/chat;x/lobby",
                "spell/chat/%6Cobby",
                "spell/chat/%6cobby",
                "spell/chat/a%2Fb",
                "spell/chat/;",
                "spell/chat/;x",
                "spell/chat/.",
                "spell/chat/..",
                "spell/chat/lobby/../lobby",
                "spell/chat/%2e",
                // @DenyAll and **
                "spell/denied",
                "spell/deni%65d",
                "spell/denied/",
                "spell/denied;x",
                "spell/any/x",
                "spell/%61ny/x",
                "spell/any/",
                "spell/any/x/",
                "spell/any/;",
                // overlapping templates: /spell/x/{c} (guarded) wins /spell/x/b over /spell/{a}/b (open)
                "spell/x/b",
                "spell/%78/b",
                "spell/x/b/",
                "spell/x/b;x",
                "spell/x;y/b",
                "spell/x/%62")) {
            corpus.add(new Spelling(path, Form.PLAIN));
        }
        for (Form form : Form.values()) {
            if (form != Form.PLAIN) {
                corpus.add(new Spelling("spell/secure", form));
                corpus.add(new Spelling("spell/chat/lobby", form));
            }
        }
        return corpus;
    }

    /** The spellings that must still connect with a token: the plain ones. */
    private static final List<String> PLAIN = List.of("spell/secure", "spell/chat/lobby", "spell/any/x", "spell/x/b");

    @Test
    void noSpellingReachesAGuardedEndpointWithoutAToken() throws IOException {
        String before = probe("guarded");
        List<Spelling> corpus = guardedCorpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Spelling spelling : corpus) {
            answers.put(describe(spelling), status(spelling, List.of()));
        }
        report("without a token", answers);
        assertThat(answers).as("spellings upgraded without a token").doesNotContainValue(101);
        for (String plain : PLAIN) {
            assertThat(answers.get(plain)).as(plain).isIn(plain.contains("denied") ? 403 : 401);
        }
        assertThat(probe("guarded")).as("guarded endpoints' @OnOpen calls").isEqualTo(before);
    }

    @Test
    void theDeniedEndpointRefusesEverySpellingEvenWithAToken() throws IOException {
        String before = probe("guarded");
        String token = TestTokens.forUser("sam", "chat").sign();
        for (Spelling spelling : guardedCorpus()) {
            if (spelling.path().contains("den")) {
                assertThat(status(spelling, List.of("Authorization: Bearer " + token)))
                        .as(describe(spelling))
                        .isNotEqualTo(101);
            }
        }
        assertThat(probe("guarded")).isEqualTo(before);
    }

    @Test
    void plainSpellingsConnectWithATokenAndNoUpgradeReachesAnotherEndpoint() throws IOException {
        String token = TestTokens.forUser("sam", "chat").sign();
        int guardedBefore = Integer.parseInt(probe("guarded"));
        String openBefore = probe("open");
        Map<String, Integer> answers = new LinkedHashMap<>();
        int upgraded = 0;
        for (Spelling spelling : guardedCorpus()) {
            int status = status(spelling, List.of("Authorization: Bearer " + token));
            answers.put(describe(spelling), status);
            if (status == 101) {
                upgraded++;
            }
        }
        report("with a token", answers);
        for (String plain : PLAIN) {
            assertThat(answers.get(plain)).as(plain).isEqualTo(101);
        }
        // Each upgrade went to a guarded endpoint: the open one never ran. (A socket closed right after its 101 may
        // be gone before the container runs @OnOpen, so guarded opens are at most the upgrades.)
        int mostOpens = guardedBefore + upgraded;
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(Integer.parseInt(probe("guarded"))).isBetween(guardedBefore + 1, mostOpens));
        assertThat(probe("open")).isEqualTo(openBefore);
    }

    @Test
    void theOpenTemplateOfAnOverlappingPairStaysOpen() throws IOException {
        int before = Integer.parseInt(probe("open"));
        assertThat(status(new Spelling("spell/y/b", Form.PLAIN), List.of())).isEqualTo(101);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Integer.parseInt(probe("open"))).isEqualTo(before + 1));
    }

    @Test
    void noSpellingGetsPastAnAddressLimit() throws IOException {
        assumeThat(servletContainer())
                .as("remote addresses are known only behind the servlet filter")
                .isTrue();
        try (TestClient held = TestClient.connect(base().resolve("spell/capped"))) {
            assertThat(held.ask("x")).isEqualTo("AddressCappedEndpoint:x");
            int before = Integer.parseInt(probe("open"));
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (String path : List.of(
                    "spell/capped",
                    "spell/capp%65d",
                    "spell/%63apped",
                    "spell/capped;x",
                    "spell;x/capped",
                    "spell/capped/",
                    "spell//capped",
                    "spell/./capped",
                    "spell/x/../capped",
                    "spell%2Fcapped",
                    "spell/capped?x=1",
                    "spell/capped%20",
                    "/spell/capped")) {
                answers.put(path, status(new Spelling(path, Form.PLAIN), List.of()));
            }
            for (Form form : Form.values()) {
                Spelling spelling = new Spelling("spell/capped", form);
                answers.put(describe(spelling), status(spelling, List.of()));
            }
            report("at an address-limited endpoint holding its one session", answers);
            assertThat(answers).as("spellings upgraded past the limit").doesNotContainValue(101);
            assertThat(answers.get("spell/capped")).isEqualTo(429);
            assertThat(Integer.parseInt(probe("open"))).isEqualTo(before);
        }
    }

    private static String describe(Spelling spelling) {
        return spelling.form() == Form.PLAIN ? spelling.path() : spelling.path() + " [" + spelling.form() + "]";
    }

    /** Sends one spelling's upgrade request; -1 where the server closed the connection without answering. */
    private int status(Spelling spelling, List<String> extra) throws IOException {
        URI base = base();
        String target = base.getRawPath() + spelling.path();
        String host = base.getHost() + ":" + base.getPort();
        StringBuilder head = new StringBuilder();
        head.append("GET ")
                .append(spelling.form() == Form.ABSOLUTE_TARGET ? "http://" + host + target : target)
                .append(spelling.form() == Form.HTTP_1_0 ? " HTTP/1.0" : " HTTP/1.1")
                .append("\r\n");
        boolean lower = spelling.form() == Form.LOWER_CASE_HEADERS;
        line(head, lower ? "host" : "Host", host);
        if (spelling.form() == Form.TWO_HOST_HEADERS) {
            line(head, "Host", "evil.example.net");
        }
        if (spelling.form() != Form.KEY_WITHOUT_UPGRADE) {
            line(
                    head,
                    lower ? "upgrade" : "Upgrade",
                    spelling.form() == Form.LOOSE_UPGRADE ? "WebSocket, foo" : lower ? "WEBSOCKET" : "websocket");
            line(head, lower ? "connection" : "Connection", lower ? "UPGRADE" : "Upgrade");
        }
        line(head, lower ? "sec-websocket-key" : "Sec-WebSocket-Key", RawClient.newKey());
        line(head, lower ? "sec-websocket-version" : "Sec-WebSocket-Version", "13");
        extra.forEach(l -> head.append(l).append("\r\n"));
        head.append("\r\n");
        try (RawClient client = RawClient.send(base, head.toString())) {
            return client.status();
        } catch (IOException reset) {
            return -1; // refused by closing the connection
        }
    }

    private static void line(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    /** Prints what the server answered to each spelling: the table the security notes quote. */
    private void report(String title, Map<String, Integer> answers) {
        StringBuilder table =
                new StringBuilder("Path spellings " + title + " (" + getClass().getSimpleName() + "):\n");
        answers.forEach((path, status) -> table.append(String.format("  %-45s %d%n", path, status)));
        System.out.print(table);
    }
}
