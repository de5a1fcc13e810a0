package io.switchboard.tck.browserclient.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RestartAdvice;
import io.switchboard.browser.NetLog;
import io.switchboard.tck.client.TestClient;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code switchboard.js}, the browser client, in headless Chromium against a real server: a page
 * ({@code browserclient/resume.html}) follows a room of {@link io.switchboard.tck.browserclient.ResumingEndpoint}
 * while {@link io.switchboard.tck.browserclient.StreamControl} streams into it, and the test breaks the page's
 * connection in the middle of the stream (the server closes it, the network cuts it, the server refuses the token,
 * the application restarts). The page must end with every broadcast exactly once, in order, having reconnected by
 * itself.
 */
public abstract class BrowserClientScenarios {

    /** Broadcasts of a stream the page follows through drops. */
    private static final int COUNT = 4000;

    /** Milliseconds between two broadcasts: the stream lasts some 8 s, long enough for four drops in its middle. */
    private static final int PAUSE = 2;

    /** {@code browserclient/resume.html}, served where {@code switchboard/switchboard.js} is served beside it. */
    protected abstract URL page();

    /** The WebSocket base URI of the endpoints of {@code io.switchboard.tck.browserclient}, ending in {@code /}. */
    protected abstract URI webSocketBase();

    /**
     * The server the restart test restarts, ready to serve: the same page and endpoints, in an application this test
     * may stop and start again at the same address.
     */
    protected abstract Restartable restartable() throws Exception;

    /** An application a test may restart in the middle of a stream. */
    public interface Restartable extends AutoCloseable {

        /** Its {@code browserclient/resume.html}. */
        URL page();

        /** Its WebSocket base URI, ending in {@code /}. */
        URI webSocketBase();

        /**
         * Stops the application, with the sessions open and the stream running, and starts it again at the same
         * address, with nothing kept in memory; returns once it serves again.
         */
        void restart() throws Exception;

        /** Undoes what the test set up; the server stays usable by the other tests. */
        @Override
        void close() throws Exception;
    }

    /** A breaking of the page's connection, the i-th of a test. */
    @FunctionalInterface
    protected interface Drop {
        void drop(int i);
    }

    /** A room no other test uses. */
    protected static String freshRoom() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void resumesAfterEachCloseByTheServerMidStream() {
        String room = freshRoom();
        int[] codes = {1012, 1001, 1012, 1001};
        ClientPage page = ClientPage.open(page(), parameters(room, webSocketBase()));
        List<String> states;
        try (page;
                TestClient control = control(webSocketBase())) {
            List<Integer> dropped = followThroughDrops(
                    page,
                    control,
                    room,
                    codes.length,
                    i -> assertThat(control.ask("close:" + room + ":" + codes[i]))
                            .startsWith("closed:")
                            .isNotEqualTo("closed:0"));

            assertEveryBroadcastOnceInOrder(page, dropped, codes.length);
            states = page.states();
        }
        // Each close code is checked by closeCodesReachThePageMidStream; here the page must only come back.
        assertThat(closeCodes(page, states)).hasSize(codes.length);
    }

    @Test
    void closeCodesReachThePageMidStream() {
        String room = freshRoom();
        int[] codes = {1012, 1001, 1012, 1001};
        ClientPage page = ClientPage.open(page(), parameters(room, webSocketBase()));
        List<String> states;
        try (page;
                TestClient control = control(webSocketBase())) {
            followThroughDrops(
                    page,
                    control,
                    room,
                    codes.length,
                    i -> assertThat(control.ask("close:" + room + ":" + codes[i]))
                            .startsWith("closed:")
                            .isNotEqualTo("closed:0"));
            states = page.states();
        }
        assertThat(closeCodes(page, states)).containsExactly(1012, 1001, 1012, 1001);
    }

    @Test
    void resumesAfterEachCutOfTheConnectionMidStream() {
        String room = freshRoom();
        URI direct = webSocketBase();
        int drops = 4;
        ClientPage page;
        List<String> states;
        try (TcpProxy proxy = TcpProxy.to(direct.getHost(), direct.getPort())) {
            page = ClientPage.open(
                    page(), parameters(room, URI.create("ws://127.0.0.1:" + proxy.port() + direct.getPath())));
            try (page;
                    TestClient control = control(direct)) {
                List<Integer> dropped = followThroughDrops(
                        page, control, room, drops, i -> assertThat(proxy.cut()).isPositive());

                assertEveryBroadcastOnceInOrder(page, dropped, drops);
                states = page.states();
            }
        }
        // A reset connection: the browser reports no close frame, 1006.
        assertThat(closeCodes(page, states)).containsExactly(1006, 1006, 1006, 1006);
    }

    @Test
    void after1008TheSameTokenWaitsAndARenewedOneResumes() {
        String room = freshRoom();
        int first = 50;
        int count = 1000;
        Map<String, String> parameters = parameters(room, webSocketBase());
        parameters.put("tokenMode", "function");
        parameters.put("token", "alpha");
        try (ClientPage page = ClientPage.open(page(), parameters);
                TestClient control = control(webSocketBase())) {
            page.awaitOpens(1);
            assertThat(page.opens().get(0)).startsWith("open|NOT_ASKED|0|").endsWith("|alpha");
            assertThat(control.ask("stream:" + room + ":" + first + ":m:1")).isEqualTo("streaming");
            page.await("m" + first, ClientPage.STEP, () -> ("m" + first).equals(page.lastBroadcast()));

            // Closed while nothing is on its way to the page (see closeCodesReachThePageMidStream).
            int asked = page.tokenAsks();
            assertThat(control.ask("close:" + room + ":1008")).isEqualTo("closed:1");
            page.await("waiting-for-token", ClientPage.STEP, () -> "waiting-for-token".equals(page.state()));
            assertThat(control.ask("stream:" + room + ":" + count + ":n:2")).isEqualTo("streaming");
            // It asks again on the backoff schedule; the refused token is never tried again.
            page.await(
                    "three more questions to the token function", ClientPage.STEP, () -> page.tokenAsks() >= asked + 3);
            assertThat(page.state()).isEqualTo("waiting-for-token");
            assertThat(page.opens()).hasSize(1);
            assertThat(control.ask("members:" + room)).isEqualTo("members:0");

            page.run("window.token = 'beta'; window.socket.tokenRenewed();");
            page.awaitOpens(2);
            // Connected with the new token at once, from where it was: what it missed was replayed.
            assertThat(page.opens().get(1)).startsWith("open|RECOVERED|").endsWith("|beta");
            assertThat(Integer.parseInt(page.opens().get(1).split("\\|")[2])).isPositive();
            page.await("n" + count, ClientPage.STEP, () -> ("n" + count).equals(page.lastBroadcast()));

            List<String> broadcasts = page.broadcasts();
            assertThat(texts(broadcasts))
                    .containsExactlyElementsOf(
                            Stream.concat(numbered("m", 1, first).stream(), numbered("n", 1, count).stream())
                                    .toList());
            assertConsecutive(broadcasts);
            assertThat(page.states())
                    .containsSubsequence("open 0 1", "waiting-for-token 1008 1", "connecting 0 1", "open 0 1")
                    .noneMatch(s -> s.startsWith("gave-up") || s.startsWith("backing-off"));
            assertThat(page.problems()).isEmpty();
        }
    }

    @Test
    void after1008AStaticTokenGivesUp() throws InterruptedException {
        String room = freshRoom();
        Map<String, String> parameters = parameters(room, webSocketBase());
        parameters.put("tokenMode", "static");
        parameters.put("token", "alpha");
        try (ClientPage page = ClientPage.open(page(), parameters);
                TestClient control = control(webSocketBase())) {
            page.awaitOpens(1);
            assertThat(control.ask("close:" + room + ":1008")).isEqualTo("closed:1");
            page.await("gave-up", ClientPage.STEP, () -> "gave-up".equals(page.state()));
            Thread.sleep(1500); // longer than the longest backoff: nothing tries again

            assertThat(page.state()).isEqualTo("gave-up");
            assertThat(page.states()).containsExactly("connecting 0 1", "open 0 1", "gave-up 1008 1");
            assertThat(page.opens()).hasSize(1);
            assertThat(control.ask("members:" + room)).isEqualTo("members:0");
        }
    }

    @Test
    void afterARestartMidStreamThePageGetsAFreshStateThenEveryLaterBroadcastOnce() throws Exception {
        String room = freshRoom();
        int after = 3000;
        try (Restartable server = restartable()) {
            URI ws = server.webSocketBase();
            try (ClientPage page = ClientPage.open(server.page(), parameters(room, ws))) {
                page.awaitOpens(1);
                try (TestClient control = control(ws)) {
                    // Runs until the application stops.
                    assertThat(control.ask("stream:" + room + ":1000000:m:1")).isEqualTo("streaming");
                }
                page.await("500 broadcasts", ClientPage.STEP, () -> page.broadcastCount() >= 500);

                server.restart();

                // History starts again with the first join of the room: a member of the test's own, then a stream.
                try (TestClient anchor = TestClient.connect(ws.resolve("browser-client/" + room));
                        TestClient control = control(ws)) {
                    assertThat(anchor.nextText()).startsWith("open|");
                    assertThat(control.ask("stream:" + room + ":" + after + ":n:1"))
                            .isEqualTo("streaming");
                    page.await("n" + after, ClientPage.STEP, () -> ("n" + after).equals(page.lastMessage()));
                }

                List<String> broadcasts = page.broadcasts();
                String before = epoch(broadcasts.get(0));
                int seenBefore = (int) broadcasts.stream()
                        .takeWhile(b -> epoch(b).equals(before))
                        .count();
                List<String> old = broadcasts.subList(0, seenBefore);
                List<String> fresh = broadcasts.subList(seenBefore, broadcasts.size());
                // Before the restart: from the first to where the application stopped, each once, in order.
                assertThat(seenBefore).isGreaterThanOrEqualTo(500).isLessThan(1000000);
                assertThat(texts(old)).containsExactlyElementsOf(numbered("m", 1, seenBefore));
                assertConsecutive(old);
                // The page came back by itself with its last position, of an epoch the server no longer knows: the
                // server said it could not resume, and sent its state.
                List<String> opens = page.opens();
                assertThat(opens).hasSizeGreaterThanOrEqualTo(2);
                assertThat(opens.get(0)).startsWith("open|NOT_ASKED|0|");
                assertThat(opens.get(1)).startsWith("open|OTHER_EPOCH|0|");
                String now = opens.get(1).split("\\|")[3].split(":")[0];
                assertThat(now).isNotEqualTo(before);
                // Live broadcasts after it: of the new epoch, which the page accepted although its offsets start
                // again at 1; no duplicate.
                assertThat(fresh).allSatisfy(b -> assertThat(epoch(b)).isEqualTo(now));
                assertThat(offsets(fresh)).isSorted().doesNotHaveDuplicates();
                assertThat(opens.subList(2, opens.size()))
                        .allSatisfy(o -> assertThat(o).startsWith("open|RECOVERED|"));
                assertThat(texts(page.messages()))
                        .containsExactlyElementsOf(
                                Stream.concat(numbered("m", 1, seenBefore).stream(), numbered("n", 1, after).stream())
                                        .toList());
                // The stopping application told the page when to come back, and the page waited at least that long.
                assertThat(page.restartWaits()).first().satisfies(wait -> {
                    String[] parts = wait.split("\\|");
                    long told = RestartAdvice.delay(1012, parts[0])
                            .orElseThrow(() -> new AssertionError("no delay in " + parts[0]))
                            .toMillis();
                    assertThat(Long.parseLong(parts[1])).isBetween(told, told + 1000);
                });
                assertThat(page.problems()).isEmpty();
            }
        }
    }

    // --- shared steps ----------------------------------------------------------------------------------------------

    /** The page's parameters: the room and the WebSocket base; a mutable map, for more. */
    protected static Map<String, String> parameters(String room, URI webSocketBase) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("room", room);
        parameters.put("ws", webSocketBase.toString());
        return parameters;
    }

    protected static TestClient control(URI webSocketBase) {
        return TestClient.connect(webSocketBase.resolve("browser-client-control"));
    }

    /**
     * Starts a stream once the page is in the room, drops its connection {@code drops} times while it is in the
     * middle of the stream (each time once it is open again and a further share of the stream has arrived), and
     * waits for the stream's last broadcast.
     *
     * @return how many broadcasts the page had at each drop
     */
    private static List<Integer> followThroughDrops(
            ClientPage page, TestClient control, String room, int drops, Drop drop) {
        page.awaitOpens(1);
        assertThat(control.ask("stream:" + room + ":" + COUNT + ":m:" + PAUSE)).isEqualTo("streaming");
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < drops; i++) {
            int connections = i + 1;
            int threshold = (i + 1) * COUNT / (drops + 2);
            page.await(
                    "connection " + connections + " and " + threshold + " broadcasts",
                    ClientPage.STEP,
                    () -> page.opens().size() >= connections
                            && "open".equals(page.state())
                            && page.broadcastCount() >= threshold);
            dropped.add(page.broadcastCount());
            drop.drop(i);
        }
        page.await("m" + COUNT, ClientPage.STEP, () -> ("m" + COUNT).equals(page.lastBroadcast()));
        return dropped;
    }

    private static void assertEveryBroadcastOnceInOrder(ClientPage page, List<Integer> dropped, int drops) {
        List<String> broadcasts = page.broadcasts();
        assertThat(texts(broadcasts)).containsExactlyElementsOf(numbered("m", 1, COUNT));
        assertConsecutive(broadcasts);
        assertThat(page.messages()).containsExactlyElementsOf(broadcasts);
        // Every drop came in the middle of the stream.
        assertThat(dropped).hasSize(drops).allSatisfy(n -> assertThat(n).isLessThan(COUNT));
        // It reconnected by itself after each, and each time the server replayed what it had missed.
        List<String> opens = page.opens();
        assertThat(opens).hasSize(drops + 1);
        assertThat(opens.get(0)).startsWith("open|NOT_ASKED|0|");
        assertThat(opens.subList(1, opens.size())).allSatisfy(o -> assertThat(o).startsWith("open|RECOVERED|"));
        assertThat(opens.stream()
                        .mapToInt(o -> Integer.parseInt(o.split("\\|")[2]))
                        .sum())
                .as("broadcasts replayed over all reconnections")
                .isPositive();
        assertThat(page.states().stream().filter(s -> s.startsWith("open "))).hasSize(drops + 1);
        assertThat(page.problems()).isEmpty();
    }

    /**
     * A container's known way of refusing a handshake that a test may meet between its drops, as Chromium's net log
     * words it ({@link io.switchboard.browser.NetLog.Handshake#answer()}), where the container under test has a defect
     * Switchboard cannot correct. None by default.
     *
     * @param answer what the net log says the handshake got
     * @return whether it is that known refusal
     */
    protected boolean knownContainerRefusal(String answer) {
        return false;
    }

    /**
     * The close codes of the page's connections that had opened, in order, read from its states once the page is
     * closed. A handshake that never opened also ends in 'backing-off' with 1006 (a browser hides why); each one must
     * be a refusal Chromium's net log shows, of the kind {@link #knownContainerRefusal} allows.
     */
    private List<Integer> closeCodes(ClientPage page, List<String> states) {
        List<Integer> codes = new ArrayList<>();
        int neverOpened = 0;
        String previous = "";
        for (String state : states) {
            if (state.startsWith("backing-off ")) {
                if (previous.startsWith("open ")) {
                    codes.add(Integer.parseInt(state.split(" ")[1]));
                } else {
                    neverOpened++;
                }
            }
            previous = state;
        }
        List<NetLog.Handshake> refused = page.webSocketHandshakes().stream()
                .filter(handshake -> !handshake.answer().startsWith("HTTP/1.1 101 "))
                .toList();
        assertThat(refused)
                .as("the handshakes that never opened, as Chromium's net log has them (states %s)", states)
                .hasSize(neverOpened)
                .allSatisfy(handshake -> assertThat(knownContainerRefusal(handshake.answer()))
                        .as("a known refusal of this container: %s", handshake)
                        .isTrue());
        return codes;
    }

    private static void assertConsecutive(List<String> broadcasts) {
        String epoch = epoch(broadcasts.get(0));
        assertThat(broadcasts).allSatisfy(b -> assertThat(epoch(b)).isEqualTo(epoch));
        long first = offsets(broadcasts).get(0);
        assertThat(offsets(broadcasts))
                .containsExactlyElementsOf(LongStream.range(first, first + broadcasts.size())
                        .boxed()
                        .toList());
    }

    private static List<String> numbered(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toList();
    }

    /** What follows each broadcast's position. */
    private static List<String> texts(List<String> broadcasts) {
        return broadcasts.stream().map(b -> b.substring(b.indexOf(' ') + 1)).toList();
    }

    private static String epoch(String broadcast) {
        return broadcast.substring(0, broadcast.indexOf(':'));
    }

    private static List<Long> offsets(List<String> broadcasts) {
        return broadcasts.stream()
                .map(b -> Long.parseLong(b.substring(b.indexOf(':') + 1, b.indexOf(' '))))
                .toList();
    }
}
