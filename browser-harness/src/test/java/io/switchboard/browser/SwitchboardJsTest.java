package io.switchboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The logic of {@code switchboard.js}, the browser client, in a headless Chromium: the test page
 * ({@code switchboard-js/harness.js}) gives it a fake WebSocket the test plays the server of, a clock that moves
 * only when told, and a fixed {@code random()}. One test drives the browser's real WebSocket against a handshake
 * this test refuses, to see what travels on the wire.
 *
 * <p>The page and the module are served from a JDK HTTP server on loopback, the module at
 * {@code /switchboard/switchboard.js} beside the page, as a WAR serves it from the impl jar. One browser serves the
 * whole class; each test loads the page afresh.
 */
class SwitchboardJsTest {

    /**
     * The module in the impl module's sources. Read from there rather than from the impl jar's
     * {@code META-INF/resources}: that would need impl installed first, and built whenever this test runs.
     */
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir"))
            .resolve("../impl/src/main/resources/META-INF/resources/switchboard/switchboard.js")
            .normalize();

    /** The handshakes the real-browser test made: request URI and {@code Sec-WebSocket-Protocol}. */
    private static final List<Map<String, String>> HANDSHAKES = new CopyOnWriteArrayList<>();

    private static HttpServer server;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws IOException {
        ChromiumInstallation installation = ChromiumInstallation.require();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", SwitchboardJsTest::serve);
        server.createContext("/ws/", SwitchboardJsTest::refuseHandshake);
        server.start();
        browser = HeadlessChromium.start(installation);
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @BeforeEach
    void loadPage() {
        HANDSHAKES.clear();
        browser.driver().get(base() + "/index.html");
    }

    // --- the close-code table -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1012})
    void reconnectsSoonAfterANormalGoingAwayOrRestartClose(int code) {
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.last.accept();
                h.clock.advance(1000);
                h.last.end(%d, 'bye');
                const after = {states: h.stateNames, delay: h.delays[0], closes: h.closes, detail: h.states.at(-1)};
                h.clock.runNext();
                return {...after, sockets: h.sockets.length, state: h.socket.state};
                """.formatted(code));

        assertThat(result.get("states")).isEqualTo(List.of("connecting", "open", "backing-off"));
        assertThat(number(result.get("delay"))).isLessThan(500);
        assertThat(result.get("closes")).isEqualTo(List.of(Map.of("code", (long) code, "reason", "bye")));
        assertThat(result.get("detail"))
                .isEqualTo(Map.of(
                        "state", "backing-off", "code", (long) code, "reason", "bye", "delay", 499L, "attempt", 1L));
        assertThat(result.get("sockets")).isEqualTo(2L);
        assertThat(result.get("state")).isEqualTo("connecting");
    }

    @Test
    void waitsAsLongAsARestartingServerSaysPlusAShortJitter() {
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.random = 0.5;
                h.last.accept();
                h.clock.advance(1000);
                h.last.end(1012, 'Service restart; reconnect in 4321 ms');
                const detail = h.states.at(-1);
                h.clock.advance(4570);
                const early = h.sockets.length;
                h.clock.advance(1);
                return {detail, early, sockets: h.sockets.length, state: h.socket.state};
                """);

        assertThat(result.get("detail"))
                .isEqualTo(Map.of(
                        "state",
                        "backing-off",
                        "code",
                        1012L,
                        "reason",
                        "Service restart; reconnect in 4321 ms",
                        "delay",
                        4571L,
                        "attempt",
                        1L));
        assertThat(result.get("early")).isEqualTo(1L);
        assertThat(result.get("sockets")).isEqualTo(2L);
        assertThat(result.get("state")).isEqualTo("connecting");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1012|Service restart; reconnect in 3600001 ms",
                "1012|Service restart; reconnect in -1 ms",
                "1012|Service restart; reconnect in 5 s",
                "1012|service restart; reconnect in 5 ms",
                "1012|Service restart; reconnect in 5 ms; or never",
                "1001|Service restart; reconnect in 5000 ms",
                "1013|Service restart; reconnect in 5000 ms"
            })
    void anythingElseIsNoAdviceToWait(String close) {
        String[] parts = close.split("\\|", 2);
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.random = 0.5;
                h.last.accept();
                h.clock.advance(1000);
                h.last.end(%s, '%s');
                return {delay: h.delays[0]};
                """.formatted(parts[0], parts[1]));

        assertThat(number(result.get("delay")))
                .as("delay after %s", close)
                .isEqualTo(parts[0].equals("1013") ? 1000L : 250L);
    }

    @Test
    void reconnectsSoonAfterAnOpenConnectionDrops() {
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.last.accept();
                h.last.drop();
                return {state: h.socket.state, code: h.states.at(-1).code, delay: h.delays[0]};
                """);

        assertThat(result).containsEntry("state", "backing-off").containsEntry("code", 1006L);
        assertThat(number(result.get("delay"))).isLessThan(500);
    }

    @Test
    void backsOffFromTheThirdStepAfter1013() {
        List<Object> delays = jsList("""
                const h = harness();
                h.random = 0.5;
                h.last.accept();
                h.last.end(1013, 'Connection limit reached; try again later');
                h.clock.runNext();
                h.last.refuse();
                return h.delays;
                """);

        assertThat(delays).containsExactly(1000L, 2000L); // ceilings initial * 4, then initial * 8
    }

    @Test
    void backsOffLike1013After1009() {
        List<Object> delays = jsList("""
                const h = harness();
                h.random = 0.5;
                h.last.accept();
                h.last.end(1009, 'Message too big; the limit is 65536 bytes');
                return h.delays;
                """);

        assertThat(delays).containsExactly(1000L);
    }

    @Test
    void reconnectsAfter1008WhenTheTokenFunctionGivesANewToken() {
        Map<String, Object> result = jsMap("""
                let issued = 0;
                const h = harness({token: () => 'token-' + ++issued});
                h.last.accept();
                h.last.end(1008, 'Token expired');
                const delay = h.delays[0];
                const state = h.socket.state;
                h.clock.runNext();
                return {state, delay, issued, protocols: h.last.protocols};
                """);

        assertThat(result).containsEntry("state", "backing-off").containsEntry("issued", 2L);
        assertThat(number(result.get("delay"))).isLessThan(500);
        assertThat(result.get("protocols")).isEqualTo(List.of("switchboard.bearer", "token-2"));
    }

    @Test
    void waitsForATokenAfter1008WhileTheSameTokenComesBack() {
        Map<String, Object> result = jsMap("""
                let asked = 0;
                const h = harness({token: () => (asked++, 'same')});
                h.last.accept();
                h.last.end(1008, 'Token expired');
                const waiting = {state: h.socket.state, asked, pending: h.clock.pending, detail: h.states.at(-1)};
                h.clock.runNext(); // asks again on the backoff schedule
                return {...waiting, later: h.socket.state, askedLater: asked, sockets: h.sockets.length};
                """);

        assertThat(result)
                .containsEntry("state", "waiting-for-token")
                .containsEntry("asked", 2L)
                .containsEntry("pending", 1L)
                .containsEntry("later", "waiting-for-token")
                .containsEntry("askedLater", 3L)
                .containsEntry("sockets", 1L);
        assertThat(result.get("detail"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("code", 1008L)
                .containsEntry("reason", "Token expired");
    }

    @Test
    void givesUpAfter1008WithAStaticTokenOrWithoutAny() {
        List<Object> states = jsList("""
                const results = [];
                for (const options of [{token: 'static'}, {}]) {
                  const h = harness(options);
                  h.last.accept();
                  h.last.end(1008, 'Unauthorized');
                  results.push([h.socket.state, h.clock.pending, h.socket.send('x')]);
                }
                return results;
                """);

        assertThat(states).containsExactly(List.of("gave-up", 0L, false), List.of("gave-up", 0L, false));
    }

    @Test
    void givesUpAfter1003() {
        Map<String, Object> result = jsMap("""
                const h = harness({token: () => 'fresh-' + Math.random()});
                h.last.accept();
                h.last.end(1003, 'Unsupported data');
                return {state: h.socket.state, pending: h.clock.pending, detail: h.states.at(-1)};
                """);

        assertThat(result).containsEntry("state", "gave-up").containsEntry("pending", 0L);
        assertThat(result.get("detail"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("code", 1003L)
                .containsEntry("reason", "Unsupported data");
    }

    @Test
    void backsOffWhileTheHandshakeNeverOpensAskingForTheTokenEachTime() {
        Map<String, Object> result = jsMap("""
                let asked = 0;
                const h = harness({token: () => 'token-' + ++asked});
                h.random = 0.5;
                for (let i = 0; i < 8; i++) {
                  h.last.refuse();
                  h.clock.runNext();
                }
                const fixed = harness({token: 'static'}); // a refusal cannot be told from an outage
                fixed.last.refuse();
                return {delays: h.delays, asked, sockets: h.sockets.length, states: [...new Set(h.stateNames)],
                        lastProtocols: h.last.protocols, attempts: h.states.filter((s) => s.state === 'backing-off')
                          .map((s) => s.attempt), fixed: fixed.socket.state};
                """);

        assertThat(result.get("delays")).isEqualTo(List.of(250L, 500L, 1000L, 2000L, 4000L, 8000L, 15000L, 15000L));
        assertThat(result).containsEntry("asked", 9L).containsEntry("sockets", 9L);
        assertThat(result.get("lastProtocols")).isEqualTo(List.of("switchboard.bearer", "token-9"));
        assertThat(result.get("states")).isEqualTo(List.of("connecting", "backing-off"));
        assertThat(result.get("attempts")).isEqualTo(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));
        assertThat(result).containsEntry("fixed", "backing-off");
    }

    // --- the backoff ---------------------------------------------------------------------------------------------

    @Test
    void delaysStayUnderTheirCeilingsAndCapAtMax() {
        List<Object> delays = jsList("""
                const h = harness({backoff: {initial: 100, max: 10000}});
                for (let i = 0; i < 60; i++) {
                  h.last.refuse();
                  h.clock.runNext();
                }
                return h.delays;
                """);

        assertThat(delays).hasSize(60);
        for (int step = 0; step < delays.size(); step++) {
            double ceiling = Math.min(10000, 100 * Math.pow(2, step));
            assertThat(number(delays.get(step)))
                    .as("step %d", step)
                    .isLessThanOrEqualTo(ceiling)
                    .isGreaterThanOrEqualTo(0.99 * ceiling);
        }
        assertThat(delays.get(59)).as("capped at max").isEqualTo(delays.get(58));
    }

    @Test
    void aShortLivedConnectionContinuesTheBackoff() {
        List<Object> delays = jsList("""
                const h = harness();
                h.random = 0.5;
                for (let i = 0; i < 3; i++) {
                  h.last.accept();
                  h.clock.advance(29999); // under backoff.max
                  h.last.end(1001, 'going away');
                  h.clock.runNext();
                }
                return h.delays;
                """);

        assertThat(delays).containsExactly(250L, 500L, 1000L);
    }

    @Test
    void aConnectionThatLastedAsLongAsMaxResetsTheBackoff() {
        List<Object> delays = jsList("""
                const h = harness();
                h.random = 0.5;
                for (let i = 0; i < 4; i++) {
                  h.last.refuse();
                  h.clock.runNext();
                }
                h.last.accept();
                h.clock.advance(30000);
                h.last.drop();
                return h.delays;
                """);

        assertThat(delays).containsExactly(250L, 500L, 1000L, 2000L, 250L);
    }

    // --- sending -------------------------------------------------------------------------------------------------

    @Test
    void bufferedMessagesKeepTheirOrderAndGoBeforeAnythingNewOnOpen() {
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.socket.on('open', () => h.socket.send('hello from onopen'));
                const accepted = ['a', 'b', 'c'].map((m) => h.socket.send(m));
                const buffered = h.socket.buffered;
                h.last.accept();
                h.socket.send('d');
                return {accepted, buffered, sent: h.last.sent, after: h.socket.buffered};
                """);

        assertThat(result.get("accepted")).isEqualTo(List.of(true, true, true));
        assertThat(result).containsEntry("buffered", 3L).containsEntry("after", 0L);
        assertThat(result.get("sent")).isEqualTo(List.of("a", "b", "c", "hello from onopen", "d"));
    }

    @Test
    void theBufferIsBoundedAndSendSaysWhenItIsFull() {
        Map<String, Object> result = jsMap("""
                const h = harness({buffer: 2});
                const accepted = ['a', 'b', 'c'].map((m) => h.socket.send(m));
                const none = harness({buffer: 0});
                return {accepted, buffered: h.socket.buffered, unbuffered: none.socket.send('x')};
                """);

        assertThat(result.get("accepted")).isEqualTo(List.of(true, true, false));
        assertThat(result).containsEntry("buffered", 2L).containsEntry("unbuffered", false);
    }

    @Test
    void messagesSentWhileOpenAreNotKeptAfterADrop() {
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.last.accept();
                h.socket.send('gone with the connection');
                const first = h.last;
                h.last.drop();
                h.socket.send('while backing off');
                h.clock.runNext();
                h.last.accept();
                return {first: first.sent, second: h.last.sent};
                """);

        assertThat(result.get("first")).isEqualTo(List.of("gone with the connection"));
        assertThat(result.get("second")).isEqualTo(List.of("while backing off"));
    }

    @Test
    void closeDropsTheBufferAndRefusesLaterSends() {
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.socket.send('a');
                h.socket.send('b');
                h.socket.close(4000, 'page left');
                const sent = h.socket.send('c');
                h.last.accept(); // a late open of the socket closed meanwhile changes nothing
                return {state: h.socket.state, buffered: h.socket.buffered, sent, closedWith: h.last.closedWith,
                        written: h.last.sent, pending: h.clock.pending, states: h.stateNames};
                """);

        assertThat(result)
                .containsEntry("state", "closed")
                .containsEntry("buffered", 0L)
                .containsEntry("sent", false)
                .containsEntry("pending", 0L);
        assertThat(result.get("closedWith")).isEqualTo(Map.of("code", 4000L, "reason", "page left"));
        assertThat(result.get("written")).isEqualTo(List.of());
        assertThat(result.get("states")).isEqualTo(List.of("connecting", "closed"));
    }

    // --- resuming ------------------------------------------------------------------------------------------------

    @Test
    void resumeAppendsTheLastPositionToTheUrl() {
        List<Object> urls = jsList("""
                const urls = [];
                for (const url of ['ws://chat.test/chat/lobby', 'ws://chat.test/chat?room=a%20b', 'wss://chat.test/c?']) {
                  const h = harness({positionOf: (data) => JSON.parse(data).position}, url);
                  urls.push(h.last.url);
                  h.last.accept();
                  h.last.deliver(JSON.stringify({position: 'k3j9x2ab:41'}));
                  h.last.deliver(JSON.stringify({position: 'k3j9x2ab:42'}));
                  h.last.drop();
                  h.clock.runNext();
                  urls.push(h.last.url);
                }
                return urls;
                """);

        assertThat(urls)
                .containsExactly(
                        "ws://chat.test/chat/lobby",
                        "ws://chat.test/chat/lobby?switchboard-since=k3j9x2ab%3A42",
                        "ws://chat.test/chat?room=a%20b",
                        "ws://chat.test/chat?room=a%20b&switchboard-since=k3j9x2ab%3A42",
                        "wss://chat.test/c?",
                        "wss://chat.test/c?switchboard-since=k3j9x2ab%3A42");
    }

    @Test
    void resumeNamesEachRoomEncoded() {
        Map<String, Object> result = jsMap("""
                const h = harness({positionOf: (data) => JSON.parse(data)}, 'ws://chat.test/multi?x=1');
                h.last.accept();
                h.last.deliver(JSON.stringify({room: 'lobby', position: 'e1:3'}));
                h.last.deliver(JSON.stringify({room: 'a b/ü&=', position: 'e2:9'}));
                h.last.end(1012, 'restart');
                h.clock.runNext();
                return {url: h.last.url, position: h.socket.position};
                """);

        assertThat(result)
                .containsEntry(
                        "url",
                        "ws://chat.test/multi?x=1&switchboard-since.lobby=e1%3A3"
                                + "&switchboard-since.a%20b%2F%C3%BC%26%3D=e2%3A9");
        assertThat(result.get("position")).isEqualTo(Map.of("lobby", "e1:3", "a b/ü&=", "e2:9"));
    }

    @Test
    void theFirstAttemptResumesFromSince() {
        Map<String, Object> result = jsMap("""
                const one = harness({since: 'k3:42'});
                const rooms = harness({since: {r1: 'a:1', r2: 'b:2'}}, 'ws://chat.test/x?y=z');
                let refused;
                try {
                  harness({since: 'K3:-1'});
                } catch (e) {
                  refused = e.name;
                }
                return {one: one.last.url, rooms: rooms.last.url, position: one.socket.position, refused};
                """);

        assertThat(result)
                .containsEntry("one", "ws://chat.test/chat/lobby?switchboard-since=k3%3A42")
                .containsEntry("rooms", "ws://chat.test/x?y=z&switchboard-since.r1=a%3A1&switchboard-since.r2=b%3A2")
                .containsEntry("position", "k3:42")
                .containsEntry("refused", "TypeError");
    }

    @Test
    void duplicatesOfTheLastPositionAreDroppedAndANewEpochIsAccepted() {
        Map<String, Object> result = jsMap("""
                const h = harness({since: 'e1:5', positionOf: (data) => data.split(' ')[0] || null});
                h.last.accept();
                for (const m of ['e1:3 old', 'e1:5 last seen', 'e1:6 new', 'e1:6 again', ' no position', 'e1:10 gap',
                                 'e2:1 new epoch', 'e2:1 again', 'e2:9007199254740993 big',
                                 'e2:9007199254740992 smaller']) {
                  h.last.deliver(m);
                }
                return {messages: h.messages, position: h.socket.position};
                """);

        assertThat(result.get("messages"))
                .isEqualTo(
                        List.of("e1:6 new", " no position", "e1:10 gap", "e2:1 new epoch", "e2:9007199254740993 big"));
        assertThat(result).containsEntry("position", "e2:9007199254740993");
    }

    @Test
    void eachRoomKeepsItsOwnLastPosition() {
        List<Object> messages = jsList("""
                const h = harness({positionOf: (data) => ({room: data.split(':')[0], position: data.split('@')[1]})});
                h.last.accept();
                for (const m of ['a:@e1:1', 'b:@e1:1', 'a:@e1:1', 'b:@e1:2', 'a:@e1:2']) {
                  h.last.deliver(m);
                }
                return h.messages;
                """);

        assertThat(messages).containsExactly("a:@e1:1", "b:@e1:1", "b:@e1:2", "a:@e1:2");
    }

    @Test
    void asksForBinaryMessagesAsArrayBuffers() {
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.last.accept();
                h.last.deliver(new Uint8Array([1, 2, 3]).buffer);
                return {binaryType: h.last.binaryType, bytes: [...new Uint8Array(h.messages[0])]};
                """);

        assertThat(result).containsEntry("binaryType", "arraybuffer");
        assertThat(result.get("bytes")).isEqualTo(List.of(1L, 2L, 3L));
    }

    // --- tokens --------------------------------------------------------------------------------------------------

    @Test
    void theTokenTravelsOnlyInTheSubprotocols() {
        Map<String, Object> result = jsMap("""
                const secret = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl';
                const h = harness({token: secret, protocols: ['chat.v1'], since: 'e1:1'});
                const protocols = h.last.protocols;
                h.last.accept();
                h.last.end(1008, 'Token expired');
                const seen = JSON.stringify({url: h.last.url, states: h.states, position: h.socket.position,
                                             closes: h.closes});
                const none = harness({protocols: ['chat.v1']});
                return {protocols, leaked: seen.includes(secret), state: h.socket.state,
                        withoutToken: none.last.protocols};
                """);

        assertThat(result.get("protocols"))
                .isEqualTo(List.of("switchboard.bearer", "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl", "chat.v1"));
        assertThat(result).containsEntry("leaked", false).containsEntry("state", "gave-up");
        assertThat(result.get("withoutToken")).isEqualTo(List.of("chat.v1"));
    }

    @Test
    void anAsynchronousTokenIsAwaitedBeforeEachAttempt() {
        Map<String, Object> result = jsMap("""
                let issued = 0;
                const h = harness({token: async () => 'async-' + ++issued});
                const before = h.sockets.length;
                await settle();
                h.last.accept();
                h.last.end(1008, 'Token expired');
                const meanwhile = h.socket.state;
                await settle();
                const then = h.socket.state;
                h.clock.runNext();
                return {before, first: h.sockets[0].protocols, meanwhile, then, second: h.last.protocols,
                        states: h.stateNames};
                """);

        assertThat(result).containsEntry("before", 0L).containsEntry("meanwhile", "waiting-for-token");
        assertThat(result).containsEntry("then", "backing-off");
        assertThat(result.get("first")).isEqualTo(List.of("switchboard.bearer", "async-1"));
        assertThat(result.get("second")).isEqualTo(List.of("switchboard.bearer", "async-2"));
        assertThat(result.get("states"))
                .isEqualTo(List.of("connecting", "open", "waiting-for-token", "backing-off", "connecting"));
    }

    @Test
    void aFailingTokenFunctionIsAFailedAttempt() {
        Map<String, Object> result = jsMap("""
                let calls = 0;
                const h = harness({token: () => {
                  if (++calls === 1) throw new Error('no session');
                  return Promise.reject(new Error('still none'));
                }});
                const first = h.socket.state;
                h.clock.runNext();
                await settle();
                return {first, second: h.socket.state, sockets: h.sockets.length, reasons: h.states.map((s) => s.reason)};
                """);

        assertThat(result)
                .containsEntry("first", "backing-off")
                .containsEntry("second", "backing-off")
                .containsEntry("sockets", 0L);
        assertThat(result.get("reasons"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly("", "the token function failed", "", "the token function failed");
    }

    @Test
    void tokenRenewedWakesAClientWaitingForAToken() {
        Map<String, Object> result = jsMap("""
                let token = 'old';
                const h = harness({token: () => token});
                h.last.accept();
                h.last.end(1008, 'Token expired');
                const waiting = h.socket.state;
                token = 'new';
                h.socket.tokenRenewed();
                return {waiting, state: h.socket.state, sockets: h.sockets.length, protocols: h.last.protocols,
                        pending: h.clock.pending};
                """);

        assertThat(result)
                .containsEntry("waiting", "waiting-for-token")
                .containsEntry("state", "connecting")
                .containsEntry("sockets", 2L)
                .containsEntry("pending", 0L);
        assertThat(result.get("protocols")).isEqualTo(List.of("switchboard.bearer", "new"));
    }

    // --- closing and starting again --------------------------------------------------------------------------------

    @Test
    void closeLeavesNothingPending() {
        List<Object> results = jsList("""
                const results = [];
                const backingOff = harness();
                backingOff.last.refuse();
                const waiting = harness({token: () => 'same'});
                waiting.last.accept();
                waiting.last.end(1008, 'Token expired');
                let release;
                const thinking = harness({token: () => new Promise((resolve) => (release = resolve))});
                const connecting = harness();
                const open = harness();
                open.last.accept();
                for (const h of [backingOff, waiting, thinking, connecting, open]) {
                  const before = h.socket.state;
                  h.socket.close();
                  results.push({before, after: h.socket.state, pending: h.clock.pending,
                                closedWith: h.last?.closedWith?.code ?? 0});
                }
                release('late');
                await settle();
                results.push({lateSockets: thinking.sockets.length});
                return results;
                """);

        assertThat(results)
                .containsExactly(
                        Map.of("before", "backing-off", "after", "closed", "pending", 0L, "closedWith", 0L),
                        Map.of("before", "waiting-for-token", "after", "closed", "pending", 0L, "closedWith", 0L),
                        Map.of("before", "connecting", "after", "closed", "pending", 0L, "closedWith", 0L),
                        Map.of("before", "connecting", "after", "closed", "pending", 0L, "closedWith", 1000L),
                        Map.of("before", "open", "after", "closed", "pending", 0L, "closedWith", 1000L),
                        Map.of("lateSockets", 0L));
    }

    @Test
    void connectStartsAgainAfterGivingUp() {
        Map<String, Object> result = jsMap("""
                const h = harness();
                h.random = 0.5;
                h.last.refuse();
                h.clock.runNext();
                h.last.accept();
                h.last.end(1003, 'Unsupported data');
                const gaveUp = h.socket.state;
                h.socket.connect();
                const again = h.socket.state;
                h.last.refuse();
                return {gaveUp, again, sockets: h.sockets.length, delays: h.delays};
                """);

        assertThat(result)
                .containsEntry("gaveUp", "gave-up")
                .containsEntry("again", "connecting")
                .containsEntry("sockets", 3L);
        assertThat(result.get("delays")).isEqualTo(List.of(250L, 250L)); // the backoff starts afresh
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheSocket() {
        Map<String, Object> result = jsMap("""
                const errors = [];
                addEventListener('error', (e) => { errors.push(e.error?.message ?? e.message); e.preventDefault(); });
                const h = harness();
                const fail = failing('listener failed');
                h.socket.on('message', (data) => data === 'first' && fail());
                h.last.accept();
                h.last.deliver('first');
                h.last.deliver('second');
                return {messages: h.messages, errors, state: h.socket.state};
                """);

        assertThat(result.get("messages")).isEqualTo(List.of("first", "second"));
        assertThat(result.get("errors")).isEqualTo(List.of("listener failed"));
        assertThat(result).containsEntry("state", "open");
    }

    // --- the browser's own WebSocket -----------------------------------------------------------------------------

    @Test
    void theBrowsersWebSocketSendsTheTokenAsSubprotocolsAndBacksOffWhenRefused() {
        List<Object> states = jsList("""
                const states = [];
                await new Promise((resolve) => {
                  const socket = sb.connect('ws://127.0.0.1:%d/ws/feed?room=1', {
                    token: 'tok-secret',
                    protocols: ['chat.v1'],
                    since: 'e1:5',
                    backoff: {initial: 20, max: 40},
                    onstate: (state, detail) => {
                      states.push(state);
                      if (states.filter((s) => s === 'backing-off').length === 2) {
                        socket.close();
                        resolve();
                      }
                    },
                  });
                });
                return states;
                """.formatted(server.getAddress().getPort()));

        assertThat(states).containsExactly("connecting", "backing-off", "connecting", "backing-off", "closed");
        assertThat(HANDSHAKES).hasSize(2);
        for (Map<String, String> handshake : HANDSHAKES) {
            assertThat(handshake.get("uri")).isEqualTo("/ws/feed?room=1&switchboard-since=e1%3A5");
            assertThat(handshake.get("protocols")).isEqualTo("switchboard.bearer, tok-secret, chat.v1");
        }
    }

    // --- plumbing --------------------------------------------------------------------------------------------------

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Runs an async function body on the page, with {@code harness}, {@code settle}, {@code failing} and {@code sb} (the module) in
     * scope, and returns what it returns; a script that throws fails the test with the page's stack trace.
     */
    private static Object js(String body) {
        Object answer = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];\n"
                        + "window.harnessLoaded.then(async ({harness, settle, failing, sb}) => {\n"
                        + body
                        + "\n}).then((value) => done({value: value ?? null}),"
                        + " (e) => done({error: String(e?.stack ?? e)}));");
        Map<?, ?> result = (Map<?, ?>) answer;
        if (result.get("error") != null) {
            throw new AssertionError("The page's script failed: " + result.get("error"));
        }
        return result.get("value");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsMap(String body) {
        return (Map<String, Object>) js(body);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> jsList(String body) {
        return (List<Object>) js(body);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** The page, the harness, and the module from the impl sources; nothing else. */
    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type;
        if (path.equals("/switchboard/switchboard.js")) {
            body = Files.readAllBytes(SCRIPT);
            type = "text/javascript";
        } else if (path.equals("/index.html") || path.equals("/harness.js")) {
            try (InputStream in = SwitchboardJsTest.class.getResourceAsStream("/switchboard-js" + path)) {
                body = in.readAllBytes();
            }
            type = path.endsWith(".js") ? "text/javascript" : "text/html";
        } else {
            respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        respond(exchange, 200, type + "; charset=utf-8", body);
    }

    /** Records a WebSocket handshake and refuses it as Switchboard refuses a bad token: 401. */
    private static void refuseHandshake(HttpExchange exchange) throws IOException {
        String protocols = exchange.getRequestHeaders().getFirst("Sec-WebSocket-Protocol");
        HANDSHAKES.add(
                Map.of("uri", exchange.getRequestURI().toString(), "protocols", protocols == null ? "" : protocols));
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
        respond(exchange, 401, "text/plain", "unauthorized".getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
