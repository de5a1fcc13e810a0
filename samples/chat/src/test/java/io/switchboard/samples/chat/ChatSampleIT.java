package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.payara.PayaraMicro;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged sample on a real Payara Micro, started by the launcher {@code -Prun} uses too, with real
 * WebSocket clients over loopback.
 */
class ChatSampleIT {

    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("chat.startup.timeout", 180));
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static PayaraMicro server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Client> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        Path workDir = Path.of(System.getProperty("chat.workdir"));
        PayaraMicro.Setup setup = new PayaraMicro.Setup(
                Path.of(System.getProperty("chat.payara.jar")),
                Path.of(System.getProperty("chat.war")),
                workDir,
                PayaraMicro.freePort(),
                List.of());
        server = PayaraMicro.start(setup, "/", STARTUP, workDir.resolve("payara.log"));
    }

    @AfterAll
    static void stopServer() {
        CLIENTS.forEach(Client::abort);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> page =
                HTTP.send(HttpRequest.newBuilder(server.baseUri()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Switchboard chat");
    }

    @Test
    void relaysToTheOtherMembersOfTheRoomReplaysHistoryAndListsThem() throws Exception {
        Client alice = connect("it-room");
        Client bob = connect("it-room");
        Client carol = connect("elsewhere");

        String listed = awaitSessions("it-room", body -> count(body) == 2);
        assertThat(occurrences(listed, "\"endpoint\"\\s*:\\s*\"ChatEndpoint\""))
                .as(listed)
                .isEqualTo(2);
        assertThat(occurrences(listed, "\"room\"\\s*:\\s*\"it-room\""))
                .as(listed)
                .isEqualTo(2);
        assertThat(occurrences(listed, "\"state\"\\s*:\\s*\"OPEN\"")).as(listed).isEqualTo(2);
        assertThat(count(awaitSessions("elsewhere", body -> count(body) == 1))).isEqualTo(1);
        assertThat(count(awaitSessions(null, body -> count(body) == 3))).isEqualTo(3);

        alice.send("alice: hello, room");
        assertThat(bob.next(WAIT)).isEqualTo("alice: hello, room");

        bob.send("bob: hi alice");
        assertThat(alice.next(WAIT)).isEqualTo("bob: hi alice");

        // Each message went to the others in the room only: not back to its sender, not to another room.
        assertThat(alice.received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(bob.received.poll(0, TimeUnit.MILLISECONDS)).isNull();
        assertThat(carol.received.poll(0, TimeUnit.MILLISECONDS)).isNull();

        // A newcomer gets the room's recent messages, in order.
        Client dave = connect("it-room");
        assertThat(dave.next(WAIT)).isEqualTo("alice: hello, room");
        assertThat(dave.next(WAIT)).isEqualTo("bob: hi alice");
        dave.close();
        awaitSessions("it-room", body -> count(body) == 2);

        alice.close();
        awaitSessions("it-room", body -> count(body) == 1);
        bob.close();
        carol.close();
        awaitSessions(null, body -> count(body) == 0);
    }

    private static Client connect(String room) throws Exception {
        Client client = new Client();
        URI uri = URI.create(server.baseUri().toString().replaceFirst("^http", "ws") + "chat/" + room);
        client.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(WAIT)
                .buildAsync(uri, client)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        CLIENTS.add(client);
        return client;
    }

    /** Polls {@code /sessions} until its body satisfies the condition; fails with the last body otherwise. */
    private static String awaitSessions(String room, Predicate<String> condition) {
        URI uri = server.baseUri().resolve(room == null ? "sessions" : "sessions?room=" + room);
        AtomicReference<String> last = new AtomicReference<>();
        await("GET " + uri + " meets the condition")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    HttpResponse<String> response =
                            HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(response.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                    last.set(response.body());
                    assertThat(condition).as("last body:%n%s", response.body()).accepts(response.body());
                });
        return last.get();
    }

    private static int count(String sessionsJson) {
        Matcher count = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(sessionsJson);
        assertThat(count.find()).as(sessionsJson).isTrue();
        return Integer.parseInt(count.group(1));
    }

    private static int occurrences(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    /** A JDK WebSocket client that queues the text messages it receives. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        String next(Duration timeout) throws InterruptedException {
            String message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return message;
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        void abort() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
